//! The two services at the top while [`super::explore`] walks every path.
//!
//! A guide of a few services is scanned when a path ends (a handful of comparisons). A guide of
//! many keeps a tournament tree over the services in tie-break order, each node holding the
//! best two of its half: a change of one service's score costs log(services) array steps and
//! the top two are read at the root, so paths × services never multiply. Both keep the one
//! order (higher score, then the stated tie-break), so the explorer agrees with
//! [`super::recommend`].

/// Up to this many services a scan at the end of a path is cheaper than keeping the tree.
const SCAN_UP_TO: usize = 32;

/// No service: an empty leaf, or a half with fewer than two services still in.
const NONE: usize = usize::MAX;

/// Services still in, and for many services each tree node's best two.
pub(super) struct Standing {
    /// Each service's place in the tie-break order (less to operate first).
    tie_rank: Vec<usize>,
    /// Services still in, by service.
    is_in: Vec<bool>,
    /// Leaves start here; leaf `leaves + r` holds the service whose tie-break rank is `r`.
    leaves: usize,
    /// `nodes[1]` is the root; `nodes[k]`'s halves are `2k` and `2k + 1`. Empty when scanning.
    nodes: Vec<[usize; 2]>,
}

impl Standing {
    /// Every service in, each with the score in `scores`.
    pub(super) fn new(tie_rank: Vec<usize>, scores: &[i64]) -> Self {
        let n = tie_rank.len();
        let mut standing = Standing {
            tie_rank,
            is_in: vec![true; n],
            leaves: 0,
            nodes: Vec::new(),
        };
        if n > SCAN_UP_TO {
            let leaves = n.next_power_of_two();
            standing.leaves = leaves;
            standing.nodes = vec![[NONE, NONE]; 2 * leaves];
            for (service, &rank) in standing.tie_rank.iter().enumerate() {
                standing.nodes[leaves + rank] = [service, NONE];
            }
            for k in (1..leaves).rev() {
                standing.nodes[k] = standing.merge(k, scores);
            }
        }
        standing
    }

    /// `service` now has `scores[service]`, and is in or out.
    pub(super) fn set(&mut self, service: usize, is_in: bool, scores: &[i64]) {
        self.is_in[service] = is_in;
        if self.nodes.is_empty() {
            return;
        }
        let mut k = self.leaves + self.tie_rank[service];
        self.nodes[k] = [if is_in { service } else { NONE }, NONE];
        while k > 1 {
            k /= 2;
            self.nodes[k] = self.merge(k, scores);
        }
    }

    /// The best service still in and the one after it.
    pub(super) fn top_two(&self, scores: &[i64]) -> (Option<usize>, Option<usize>) {
        let some = |s: usize| (s != NONE).then_some(s);
        let [first, second] = if self.nodes.is_empty() {
            let (mut first, mut second) = (NONE, NONE);
            for service in (0..self.is_in.len()).filter(|&s| self.is_in[s]) {
                if self.ahead(service, first, scores) {
                    second = first;
                    first = service;
                } else if self.ahead(service, second, scores) {
                    second = service;
                }
            }
            [first, second]
        } else {
            self.nodes[1]
        };
        (some(first), some(second))
    }

    /// Whether `a` stands before `b` (any service stands before none).
    fn ahead(&self, a: usize, b: usize, scores: &[i64]) -> bool {
        b == NONE
            || (a != NONE
                && (scores[a] > scores[b]
                    || (scores[a] == scores[b] && self.tie_rank[a] < self.tie_rank[b])))
    }

    /// The best two of node `k`'s halves.
    fn merge(&self, k: usize, scores: &[i64]) -> [usize; 2] {
        let (left, right) = (self.nodes[2 * k], self.nodes[2 * k + 1]);
        let ahead = |a: usize, b: usize| self.ahead(a, b, scores);
        // Each half is already best first: merge the two short lists.
        if ahead(left[0], right[0]) {
            [
                left[0],
                if ahead(left[1], right[0]) {
                    left[1]
                } else {
                    right[0]
                },
            ]
        } else {
            [
                right[0],
                if ahead(left[0], right[1]) {
                    left[0]
                } else {
                    right[1]
                },
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top two by brute force: higher score, then lower tie rank.
    fn brute(scores: &[i64], out: &[bool], tie_rank: &[usize]) -> (Option<usize>, Option<usize>) {
        let mut ins: Vec<usize> = (0..scores.len()).filter(|&i| !out[i]).collect();
        ins.sort_by_key(|&i| (std::cmp::Reverse(scores[i]), tie_rank[i]));
        (ins.first().copied(), ins.get(1).copied())
    }

    #[test]
    fn the_top_two_match_a_full_sort_through_any_changes() {
        // A fixed pseudo-random walk of score changes and rule-outs over sizes that are scanned
        // and sizes kept in a tree (leaf counts that are and are not powers of two).
        let mut seed = 2026u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % m
        };
        for n in (1..=9usize).chain([SCAN_UP_TO + 1, 64, 100]) {
            let tie_rank: Vec<usize> = (0..n).rev().collect();
            let mut scores = vec![0i64; n];
            let mut out = vec![false; n];
            let mut standing = Standing::new(tie_rank.clone(), &scores);
            assert_eq!(standing.top_two(&scores), brute(&scores, &out, &tie_rank));
            for _ in 0..2_000 {
                let i = usize::try_from(next(n as u64)).expect("small");
                if next(4) == 0 {
                    out[i] = !out[i];
                } else {
                    scores[i] += i64::try_from(next(7)).expect("small") - 3;
                }
                standing.set(i, !out[i], &scores);
                assert_eq!(
                    standing.top_two(&scores),
                    brute(&scores, &out, &tie_rank),
                    "n = {n}"
                );
            }
        }
    }

    #[test]
    fn no_services_have_no_top() {
        let standing = Standing::new(Vec::new(), &[]);
        assert_eq!(standing.top_two(&[]), (None, None));
    }
}
