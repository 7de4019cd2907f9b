// The inputs the benchmarks share (bench/run.mjs, bench/ab.mjs): a stored voice-settings object, a
// typical 3-field form save and a patch of every field, and two keyterm lists of 200 terms, half of
// the second repeating the first in other casings (60 % of the terms non-ASCII).
export const current = { tone: "calm", speed: 1.1, keyterms: ["Metformin"] };
export const small = { speed: 1.2, tone: "friendly", keyterms: ["Metformin", "Ozempic", "Dr. Ramirez"] };
export const full = {
  voice_id: "voice-42", tone: "sympathetic", speed: 0.9, volume: 0.8, language: "en-us",
  keyterms: ["Metformin", "Ozempic", "Dr. Ramirez", "co-pay", "prior authorization"],
  correction_categories: ["drug names", "doctor names"], pronunciation_dict_id: "dict-7",
  sensitive_topics: ["test results", "diagnosis"], post_call_analysis_enabled: false,
  transcript_correction_enabled: true, stt_provider: "deepgram", tts_provider: "cartesia",
};
const words = ["Metformin", "Straße", "Ozempic", "İbuprofen", "Café", "naïve", "Σίσυφος", "東京", "Dr. Ramirez", "prior authorization"];
export const listA = Array.from({ length: 200 }, (_, i) => `${words[i % words.length]} ${i}`);
export const listB = Array.from({ length: 200 }, (_, i) => (i % 2 ? `${words[i % words.length]} ${i}`.toUpperCase() : `  new   term ${i} `));
