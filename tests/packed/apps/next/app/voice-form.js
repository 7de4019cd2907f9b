"use client";
// A client component: the rules run in the browser, on what is typed, once the page is hydrated.
import { useEffect, useState } from "react";
import { validateVoiceSettings } from "workspace-rules";

export default function VoiceForm() {
  const [speed, setSpeed] = useState("3");
  const [answer, setAnswer] = useState(null);
  useEffect(() => {
    setAnswer(validateVoiceSettings({ speed: speed === "" ? null : Number(speed) }));
  }, [speed]);
  return (
    <form>
      <label>
        Speed <input id="speed" type="number" step="0.1" value={speed} onChange={(e) => setSpeed(e.target.value)} />
      </label>
      <output id="client">{answer ? JSON.stringify({ speed, ...answer }) : ""}</output>
    </form>
  );
}
