//! Decimal numbers as `f64`, rounded exactly as JavaScript's `Number("…")` and `JSON.parse` round
//! them: to the nearest double, ties to even, past the largest double to infinity.
//!
//! Why not the standard library's parser? It is exact too, but brings ≈ 16 KB of tables and code into
//! the `.wasm`. Most numbers a caller sends are short (`1.5`, `0.75`, a count) and take the one-step
//! path of Clinger's algorithm: a significand of at most 15 digits and a power of ten up to 10^22 are
//! both exact doubles, so one multiplication or division rounds once, correctly. Any other number
//! (`0.30000000000000004`, `1e-320`, 800 digits) starts from a close estimate and is corrected by
//! exact comparison with the midpoints between neighbouring doubles, in big integers: a few steps
//! for any input, and at most [`KEPT_DIGITS`] digits are ever looked at.

use std::cmp::Ordering;

/// Digits beyond this many cannot change the rounding (a midpoint between two doubles has at most
/// 767 significant digits), so they only count as "something nonzero follows".
const KEPT_DIGITS: usize = 800;

/// The value `0.d₁d₂…dₙ × 10^(n + exp10)`, i.e. the integer of `digits` times `10^exp10`, as the
/// nearest double. `digits` are ASCII digits; leading and trailing zeros are allowed.
pub fn to_f64(digits: &[u8], exp10: i64, negative: bool) -> f64 {
    let x = magnitude(digits, exp10);
    if negative {
        -x
    } else {
        x
    }
}

fn magnitude(digits: &[u8], mut exp10: i64) -> f64 {
    let start = digits.iter().position(|&d| d != b'0');
    let Some(start) = start else { return 0.0 };
    let end = digits.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
    exp10 += (digits.len() - end) as i64;
    let digits = &digits[start..end];
    let n = digits.len() as i64;
    // 10^(n-1+exp10) ≤ value < 10^(n+exp10).
    if n - 1 + exp10 > 309 {
        return f64::INFINITY;
    }
    if n + exp10 < -324 {
        return 0.0;
    }
    if n <= 15 && exp10.abs() <= 22 {
        let m = leading(digits) as f64;
        let p = POW10[exp10.unsigned_abs() as usize];
        return if exp10 < 0 { m / p } else { m * p };
    }
    let kept = digits.len().min(19);
    let estimate = estimate(
        leading(&digits[..kept]),
        exp10 + (digits.len() - kept) as i64,
    );
    correct(estimate, &Exact::new(digits, exp10))
}

/// The integer of up to 19 digits.
fn leading(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |m, &d| m * 10 + u64::from(d - b'0'))
}

/// The powers of ten that are exact doubles.
pub(crate) const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `m × 10^e` to within a few units in the last place (finite and positive where the true value is
/// representable, else clamped), the start of [`correct`].
fn estimate(m: u64, e: i64) -> f64 {
    let mut x = m as f64;
    let mut e = e;
    // Steps of 10^±22 keep every factor exact and the intermediate away from overflow and zero for
    // as long as possible.
    while e > 22 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
    }
    x = if e < 0 {
        x / POW10[(-e) as usize]
    } else {
        x * POW10[e as usize]
    };
    if x.is_infinite() {
        f64::MAX
    } else {
        x
    }
}

/// The decimal value being read, held exactly for comparisons: `value = num × 2^num_exp2 / den`
/// where `den` is `5^-exp10` for a negative exponent (and 1 otherwise).
struct Exact {
    /// The digits as an integer (with a trailing `1` when digits were cut), times `5^exp10` when the
    /// exponent is positive.
    num: Big,
    /// `5^-exp10` for a negative exponent, multiplied into the other side of every comparison.
    den: Option<Big>,
    /// The power of two of `10^exp10`.
    exp2: i64,
}

impl Exact {
    fn new(digits: &[u8], mut exp10: i64) -> Exact {
        let mut num = Big::default();
        let cut = digits.len() > KEPT_DIGITS;
        let kept = if cut { &digits[..KEPT_DIGITS] } else { digits };
        for chunk in kept.chunks(9) {
            num.mul_small(10u32.pow(chunk.len() as u32));
            num.add_small(leading(chunk) as u32);
        }
        exp10 += (digits.len() - kept.len()) as i64;
        if cut {
            // Something nonzero follows: strictly between the kept digits and the next value up.
            num.mul_small(10);
            num.add_small(1);
            exp10 -= 1;
        }
        let den = if exp10 < 0 {
            let mut den = Big::one();
            den.mul_pow5(exp10.unsigned_abs());
            Some(den)
        } else {
            num.mul_pow5(exp10 as u64);
            None
        };
        Exact {
            num,
            den,
            exp2: exp10,
        }
    }

    /// The value against `m × 2^e`.
    fn cmp(&self, m: u64, e: i64) -> Ordering {
        let mut other = Big::from_u64(m);
        if let Some(den) = &self.den {
            other = other.mul(den);
        }
        let shift = self.exp2 - e;
        if shift >= 0 {
            let mut num = self.num.clone();
            num.shl(shift as u64);
            num.cmp(&other)
        } else {
            other.shl(shift.unsigned_abs());
            self.num.cmp(&other)
        }
    }
}

/// The midpoint between the positive finite double `x` and the next one up, as `m × 2^e`.
fn midpoint_up(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let field = (bits >> 52) as i64;
    let (m, e) = if field == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), field - 1075)
    };
    (2 * m + 1, e - 1)
}

/// The double nearest to `value`, walking from `x` one double at a time.
fn correct(mut x: f64, value: &Exact) -> f64 {
    loop {
        let odd = x.to_bits() & 1 == 1;
        let (m, e) = midpoint_up(x);
        match value.cmp(m, e) {
            Ordering::Greater => {}
            Ordering::Equal if odd => {}
            _ => {
                if x > 0.0 {
                    let below = f64::from_bits(x.to_bits() - 1);
                    let (m, e) = midpoint_up(below);
                    match value.cmp(m, e) {
                        Ordering::Less => {
                            x = below;
                            continue;
                        }
                        Ordering::Equal if odd => {
                            x = below;
                            continue;
                        }
                        _ => {}
                    }
                }
                return x;
            }
        }
        if x == f64::MAX {
            return f64::INFINITY;
        }
        x = f64::from_bits(x.to_bits() + 1);
    }
}

/// An unsigned big integer, 32-bit limbs, least significant first, no leading zero limbs.
#[derive(Clone, Default, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let p = u64::from(*limb) * u64::from(k) + carry;
            *limb = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn add_small(&mut self, k: u32) {
        let mut carry = u64::from(k);
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let s = u64::from(*limb) + carry;
            *limb = s as u32;
            carry = s >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u64) {
        // 5^13 is the largest power of five in a u32.
        while k >= 13 {
            self.mul_small(1_220_703_125);
            k -= 13;
        }
        self.mul_small(5u32.pow(k as u32));
    }

    fn mul(&self, other: &Big) -> Big {
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.0.len()] = carry as u32;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn shl(&mut self, bits: u64) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits != 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's parser, exact by its own tests, is the reference.
    fn check(text: &str) {
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap()),
            None => (text, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
        let got = to_f64(&digits, exp - frac.len() as i64, false);
        let want: f64 = text.parse().unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{text}: {got:e} vs {want:e}");
    }

    #[test]
    fn short_numbers_take_the_one_step_path() {
        for t in [
            "0",
            "1",
            "1.5",
            "0.1",
            "0.75",
            "123456789012345",
            "1e22",
            "1e-22",
            "2.5e-3",
        ] {
            check(t);
        }
    }

    #[test]
    fn long_and_extreme_numbers_round_to_nearest() {
        for t in [
            "0.30000000000000004",
            "0.1000000000000000055511151231257827",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000001",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405301e276",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "1e400",
            "123456789012345678901234567890",
            "0.000000000000000000000000000001",
            "1e23",
            "8.589973e9",
            "5e-324",
            "1e308",
            "4.35679e-30",
        ] {
            check(t);
        }
        // A midpoint written out in full, then nudged by a digit far past what a double holds.
        let half = "9007199254740993";
        check(half);
        check(&format!("{half}.{}1", "0".repeat(1000)));
        check(&format!("0.{}1", "0".repeat(330)));
        check(&"9".repeat(2000));
    }

    #[test]
    fn the_shortest_form_of_any_double_reads_back_as_it() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = f64::from_bits(seed >> 1);
            if !x.is_finite() {
                continue;
            }
            check(&format!("{x:e}"));
            check(&format!("{:.20e}", x));
        }
    }
}
