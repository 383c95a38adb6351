//! Cost against volume: each service's monthly cost over a log-spaced sweep of request volumes,
//! the volumes where one service becomes cheaper than another, and which is cheapest where.
//!
//! Crossings are found where the sign of the cost difference changes between two sweep points,
//! then located by bisection on log10(requests), so a crossing is as exact as the sweep is coarse.
//! Everything but the request volume is held at the inputs' values.

use serde::Serialize;

use super::units::format_count;
use super::{CostModel, InputError, Inputs};

/// Request volumes to sweep: `from` to `to` per month, `per_decade` points per factor of ten.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SweepRange {
    pub from: f64,
    pub to: f64,
    pub per_decade: usize,
}

impl Default for SweepRange {
    /// 1,000 to 10 billion requests a month, 10 points per decade: from a hobby project to the
    /// busiest APIs, which is where every pair of these services trades places.
    fn default() -> Self {
        SweepRange {
            from: 1e3,
            to: 1e10,
            per_decade: 10,
        }
    }
}

impl SweepRange {
    /// The volumes, evenly spaced on a log scale, both ends included.
    pub fn volumes(&self) -> Vec<f64> {
        let (lo, hi) = (self.from.max(1.0).log10(), self.to.max(1.0).log10());
        if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
            return vec![self.from.max(1.0)];
        }
        let steps = (((hi - lo) * self.per_decade.max(1) as f64).ceil() as usize).max(1);
        (0..=steps)
            .map(|i| 10f64.powf(lo + (hi - lo) * i as f64 / steps as f64))
            .collect()
    }
}

/// Monthly costs over the sweep, one series per service (the chart's lines).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// Service ids, in the order of each point's `totals`.
    pub services: Vec<String>,
    pub names: Vec<String>,
    pub points: Vec<SweepPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepPoint {
    pub requests: f64,
    /// Dollars a month per service, `None` where it does not fit.
    pub totals: Vec<Option<f64>>,
}

/// A volume above which one service is cheaper than another (below it, the other one was).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// Requests a month at the crossing.
    pub requests: f64,
    /// The service that is cheaper just above `requests`.
    pub cheaper: String,
    pub cheaper_name: String,
    pub dearer: String,
    pub dearer_name: String,
    /// The cheaper service's monthly cost at the crossing, where both cost about the same.
    pub monthly: f64,
    /// `AWS Fargate becomes cheaper than AWS Lambda above 8.4M requests/month`.
    pub sentence: String,
}

/// A range of volumes over which one service is the cheapest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub service: String,
    pub name: String,
}

/// Bisection steps on log10(requests): each halves the gap, so 40 steps from a tenth of a decade
/// locate a crossing far more finely than any price is known.
const BISECTIONS: usize = 40;

/// −1, 0 or 1 for `a − b`, treating a difference within float noise as a tie.
fn sign(a: f64, b: f64) -> i8 {
    let tolerance = 1e-9 * a.abs().max(b.abs()).max(1e-9);
    if (a - b).abs() <= tolerance {
        0
    } else if a < b {
        -1
    } else {
        1
    }
}

impl CostModel {
    fn at(&self, inputs: &Inputs, requests: f64) -> Inputs {
        Inputs {
            requests,
            ..*inputs
        }
    }

    /// Each service's cost at each volume of `range`.
    pub fn sweep(&self, inputs: &Inputs, range: SweepRange) -> Result<Sweep, InputError> {
        inputs.validate()?;
        let points = range
            .volumes()
            .into_iter()
            .map(|requests| {
                let at = self.at(inputs, requests);
                SweepPoint {
                    requests,
                    totals: self
                        .services
                        .iter()
                        .map(|(id, _)| self.total(id, &at))
                        .collect(),
                }
            })
            .collect();
        Ok(Sweep {
            services: self.services.iter().map(|(id, _)| id.clone()).collect(),
            names: self.services.iter().map(|(_, n)| n.clone()).collect(),
            points,
        })
    }

    /// Every volume in `range` where a pair of services changes places, lowest volume first.
    pub fn break_evens(
        &self,
        inputs: &Inputs,
        range: SweepRange,
    ) -> Result<Vec<BreakEven>, InputError> {
        let sweep = self.sweep(inputs, range)?;
        let mut found = Vec::new();
        let n = sweep.services.len();
        for a in 0..n {
            for b in a + 1..n {
                // The last point with a strict order, as (index, sign of cost a − cost b).
                let mut last: Option<(usize, i8)> = None;
                for (i, point) in sweep.points.iter().enumerate() {
                    let (Some(x), Some(y)) = (point.totals[a], point.totals[b]) else {
                        continue;
                    };
                    let s = sign(x, y);
                    if s == 0 {
                        continue;
                    }
                    if let Some((j, _)) = last.filter(|&(_, prev)| prev != s) {
                        let (lo, hi) = (sweep.points[j].requests, point.requests);
                        let requests = self.bisect(inputs, lo, hi, |at| {
                            match (
                                self.total(&sweep.services[a], at),
                                self.total(&sweep.services[b], at),
                            ) {
                                (Some(x), Some(y)) => sign(x, y) == s,
                                _ => false,
                            }
                        });
                        let (cheaper, dearer) = if s < 0 { (a, b) } else { (b, a) };
                        found.push(self.break_even(&sweep, inputs, requests, cheaper, dearer));
                    }
                    last = Some((i, s));
                }
            }
        }
        found.sort_by(|x, y| x.requests.total_cmp(&y.requests));
        Ok(found)
    }

    fn break_even(
        &self,
        sweep: &Sweep,
        inputs: &Inputs,
        requests: f64,
        cheaper: usize,
        dearer: usize,
    ) -> BreakEven {
        let monthly = self
            .total(&sweep.services[cheaper], &self.at(inputs, requests))
            .unwrap_or(0.0);
        BreakEven {
            requests,
            cheaper: sweep.services[cheaper].clone(),
            cheaper_name: sweep.names[cheaper].clone(),
            dearer: sweep.services[dearer].clone(),
            dearer_name: sweep.names[dearer].clone(),
            monthly,
            sentence: format!(
                "{} becomes cheaper than {} above {} requests/month",
                sweep.names[cheaper],
                sweep.names[dearer],
                format_count(requests)
            ),
        }
    }

    /// The lowest volume in (lo, hi] where `changed` holds, given it fails at `lo` and holds at
    /// `hi`, by bisection on log10(requests).
    fn bisect(&self, inputs: &Inputs, lo: f64, hi: f64, changed: impl Fn(&Inputs) -> bool) -> f64 {
        let (mut lo, mut hi) = (lo.log10(), hi.log10());
        for _ in 0..BISECTIONS {
            let mid = (lo + hi) / 2.0;
            if changed(&self.at(inputs, 10f64.powf(mid))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        10f64.powf(hi)
    }

    /// The cheapest service (first in the fixed order on a tie) at `inputs`, as an index.
    fn cheapest_index(&self, inputs: &Inputs) -> Option<usize> {
        self.services
            .iter()
            .enumerate()
            .filter_map(|(i, (id, _))| self.total(id, inputs).map(|t| (i, t)))
            .min_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))
            .map(|(i, _)| i)
    }

    /// Which service is cheapest over which volumes of `range`, lowest first. Empty when no
    /// service fits (fitting does not depend on the volume).
    pub fn cheapest_by_volume(
        &self,
        inputs: &Inputs,
        range: SweepRange,
    ) -> Result<Vec<Band>, InputError> {
        inputs.validate()?;
        let volumes = range.volumes();
        let (Some(&first), Some(&last)) = (volumes.first(), volumes.last()) else {
            return Ok(Vec::new());
        };
        let mut bands = Vec::new();
        let mut current = self
            .cheapest_index(&self.at(inputs, first))
            .map(|i| (i, first));
        for w in volumes.windows(2) {
            let (mut lo, hi) = (w[0], w[1]);
            let at_hi = self.cheapest_index(&self.at(inputs, hi));
            // Several changes can fall between two sweep points: take them one at a time, at
            // most once per service so a pathological case cannot loop.
            for _ in 0..self.services.len() {
                let Some((index, start)) = current.filter(|&(i, _)| Some(i) != at_hi) else {
                    break;
                };
                let boundary =
                    self.bisect(inputs, lo, hi, |at| self.cheapest_index(at) != Some(index));
                bands.push(self.band(index, start, boundary));
                current = self
                    .cheapest_index(&self.at(inputs, boundary))
                    .map(|i| (i, boundary));
                lo = boundary;
            }
        }
        if let Some((index, start)) = current {
            bands.push(self.band(index, start, last));
        }
        Ok(bands)
    }

    fn band(&self, index: usize, from: f64, to: f64) -> Band {
        let (id, name) = &self.services[index];
        Band {
            from,
            to,
            service: id.clone(),
            name: name.clone(),
        }
    }
}

/// One sentence per pair of services, lowest volume first: a pair that crosses once gets its
/// break-even sentence; a pair whose step-shaped costs cross back and forth (two fleets adding
/// instances at different volumes) gets one line saying so and which is cheaper at the end,
/// instead of a sentence per step.
pub fn summarize_break_evens(break_evens: &[BreakEven]) -> Vec<String> {
    let mut pairs: Vec<Vec<&BreakEven>> = Vec::new();
    for b in break_evens {
        let same_pair = |p: &&mut Vec<&BreakEven>| {
            p.first().is_some_and(|f| {
                (f.cheaper == b.cheaper && f.dearer == b.dearer)
                    || (f.cheaper == b.dearer && f.dearer == b.cheaper)
            })
        };
        match pairs.iter_mut().find(same_pair) {
            Some(p) => p.push(b),
            None => pairs.push(vec![b]),
        }
    }
    pairs
        .into_iter()
        .filter_map(|p| match (p.first(), p.last()) {
            (Some(first), Some(last)) if p.len() > 1 => Some(format!(
                "{} and {} trade places {} times between {} and {} requests/month; above {}, {} \
                 is cheaper",
                first.cheaper_name,
                first.dearer_name,
                p.len(),
                format_count(first.requests),
                format_count(last.requests),
                format_count(last.requests),
                last.cheaper_name
            )),
            (Some(only), _) => Some(only.sentence.clone()),
            _ => None,
        })
        .collect()
}
