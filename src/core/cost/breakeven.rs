//! Cost against volume: each service's monthly cost over a log-spaced sweep of request volumes,
//! the volumes where one service becomes cheaper than another, and which is cheapest where.
//!
//! Only changes a user can act on are reported. Services within [`ABOUT_THE_SAME`] (10%) of the
//! cheapest are about the same, so the cheapest service keeps its band until another is clearly
//! cheaper; a band shorter than half a decade of volume between two others is folded into the
//! one before it; neighbouring bands of one service merge. A break-even is a boundary between
//! bands: where one service becomes lastingly cheaper than the one before, located by bisection
//! on log10(requests) at the crossing of the two (or where the earlier one stops fitting). The
//! chart marks the same points. Everything but the request volume is held at the inputs' values.

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

/// Services within this share of the cheapest are "about the same": whole instances and
/// bundles move costs in steps of this size, and no estimate is better than that.
pub const ABOUT_THE_SAME: f64 = 0.10;

/// Whether `total` is about the same as `cheapest`: within [`ABOUT_THE_SAME`] above it. The one
/// test the estimate, the break-evens, the reports and the engine's tie-break share.
pub fn about_the_same(total: f64, cheapest: f64) -> bool {
    total <= cheapest * (1.0 + ABOUT_THE_SAME) + 1e-9
}

/// A band (other than the first and last) spanning less than this factor of volume (half a
/// decade) is not a lasting change: it is folded into the band before it.
const SHORTEST_BAND: f64 = 3.162_277_660_168_379_5;

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

    /// The lasting break-evens over `range`, lowest volume first: one per boundary between the
    /// bands of [`CostModel::cheapest_by_volume`].
    pub fn break_evens(
        &self,
        inputs: &Inputs,
        range: SweepRange,
    ) -> Result<Vec<BreakEven>, InputError> {
        let bands = self.cheapest_by_volume(inputs, range)?;
        Ok(bands
            .windows(2)
            .map(|w| self.break_even(inputs, &w[0], &w[1]))
            .collect())
    }

    fn break_even(&self, inputs: &Inputs, before: &Band, after: &Band) -> BreakEven {
        let requests = after.from;
        let at = self.at(inputs, requests);
        let monthly = self.total(&after.service, &at).unwrap_or(0.0);
        let stops_fitting = self.total(&before.service, &at).is_none();
        let sentence = if stops_fitting {
            format!(
                "{} no longer fits above {} requests/month; {} is the cheapest from there",
                before.name,
                format_count(requests),
                after.name
            )
        } else {
            format!(
                "{} becomes cheaper than {} above {} requests/month",
                after.name,
                before.name,
                format_count(requests)
            )
        };
        BreakEven {
            requests,
            cheaper: after.service.clone(),
            cheaper_name: after.name.clone(),
            dearer: before.service.clone(),
            dearer_name: before.name.clone(),
            monthly,
            sentence,
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

    /// Whether service `leader` is cheapest or within [`ABOUT_THE_SAME`] of the cheapest at
    /// `totals` (one per service).
    fn leads(totals: &[Option<f64>], leader: usize) -> bool {
        let Some(mine) = totals.get(leader).copied().flatten() else {
            return false;
        };
        let cheapest = totals
            .iter()
            .flatten()
            .copied()
            .fold(f64::INFINITY, f64::min);
        about_the_same(mine, cheapest)
    }

    fn totals(&self, inputs: &Inputs) -> Vec<Option<f64>> {
        self.services
            .iter()
            .map(|(id, _)| self.total(id, inputs))
            .collect()
    }

    /// The cheapest service at `totals`, first in the fixed order on a tie.
    fn cheapest_of(totals: &[Option<f64>]) -> Option<usize> {
        totals
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.map(|t| (i, t)))
            .min_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))
            .map(|(i, _)| i)
    }

    /// Which service is cheapest over which volumes of `range`, lowest first, with services
    /// within 10% counted as about the same (see the module's notes). Empty when no service fits.
    pub fn cheapest_by_volume(
        &self,
        inputs: &Inputs,
        range: SweepRange,
    ) -> Result<Vec<Band>, InputError> {
        let sweep = self.sweep(inputs, range)?;
        // The leader at each point: it stays while within 10% of the cheapest.
        let mut raw: Vec<(usize, f64, f64)> = Vec::new(); // (service, from, to)
        let mut leader: Option<usize> = None;
        for (k, point) in sweep.points.iter().enumerate() {
            let keep = leader.filter(|&l| Self::leads(&point.totals, l));
            if keep.is_none() {
                let next = Self::cheapest_of(&point.totals);
                if let Some(n) = next {
                    let from = match (leader, raw.last()) {
                        (Some(l), Some(&(_, band_from, _))) => {
                            self.boundary(inputs, &sweep, band_from, k, l, n)
                        }
                        _ => point.requests,
                    };
                    if let Some(last) = raw.last_mut() {
                        last.2 = from;
                    }
                    raw.push((n, from, point.requests));
                }
                leader = next;
            }
            if let Some(last) = raw.last_mut() {
                last.2 = point.requests;
            }
        }
        // Fold short middle bands into the band before them, then merge one service's
        // neighbouring bands.
        let mut bands: Vec<(usize, f64, f64)> = Vec::new();
        let n = raw.len();
        for (i, band) in raw.into_iter().enumerate() {
            let middle = i > 0 && i + 1 < n;
            let short = band.2 < band.1 * SHORTEST_BAND;
            match bands.last_mut() {
                Some(last) if (middle && short) || last.0 == band.0 => last.2 = band.2,
                _ => bands.push(band),
            }
        }
        // Folding can leave one service's bands side by side.
        let mut merged: Vec<(usize, f64, f64)> = Vec::new();
        for band in bands {
            match merged.last_mut() {
                Some(last) if last.0 == band.0 => last.2 = band.2,
                _ => merged.push(band),
            }
        }
        Ok(merged
            .into_iter()
            .map(|(i, from, to)| self.band(i, from, to))
            .collect())
    }

    /// Where `new` takes over from `old`, who stopped leading at sweep point `k`: the last
    /// crossing of the two since `old`'s band began (where `new` became cheaper for good), or,
    /// when they do not cross there, where `old` stops fitting or stops being about the cheapest.
    fn boundary(
        &self,
        inputs: &Inputs,
        sweep: &Sweep,
        band_from: f64,
        k: usize,
        old: usize,
        new: usize,
    ) -> f64 {
        let (old_id, new_id) = (&self.services[old].0, &self.services[new].0);
        let crossed_before = (0..k).rev().find(|&j| {
            let p = &sweep.points[j];
            p.requests >= band_from
                && matches!((p.totals[old], p.totals[new]), (Some(o), Some(n)) if n >= o)
        });
        match crossed_before {
            Some(j) => self.bisect(
                inputs,
                sweep.points[j].requests,
                sweep.points[j + 1].requests,
                |at| match (self.total(old_id, at), self.total(new_id, at)) {
                    (Some(o), Some(n)) => n < o,
                    (None, _) => true,
                    _ => false,
                },
            ),
            None => self.bisect(
                inputs,
                sweep.points[k.saturating_sub(1)].requests,
                sweep.points[k].requests,
                |at| !Self::leads(&self.totals(at), old),
            ),
        }
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

/// One sentence per break-even, lowest volume first. Break-evens are already the lasting ones
/// (see the module's notes), so each is one line a user can act on.
pub fn summarize_break_evens(break_evens: &[BreakEven]) -> Vec<String> {
    break_evens.iter().map(|b| b.sentence.clone()).collect()
}
