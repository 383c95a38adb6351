//! The decision logic, pure: a guide and a set of answers in, the walked path and every service
//! ranked (or ruled out) with the reasons out. No terminal, no I/O.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::data::{Guide, Rule};

/// Answers by question id → option id. Ordered so output never depends on hashing.
pub type Answers = BTreeMap<String, String>;

/// One answered question on the walked path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub question: String,
    pub answer: String,
}

/// The path the answers take through the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub path: Vec<Step>,
    /// The first question on the path still without an answer; `None` once the walk ends.
    pub pending: Option<String>,
    /// Answered questions the path does not pass through.
    pub ignored: Vec<String>,
}

impl Walk {
    pub fn is_complete(&self) -> bool {
        self.pending.is_none()
    }
}

/// Follows the answers from the start question until the walk ends or an answer is missing.
/// Answers naming unknown options are treated as missing; check them first with
/// [`check_answers`] where that should be an error.
pub fn walk(guide: &Guide, answers: &Answers) -> Walk {
    let mut path = Vec::new();
    let mut visited = HashSet::new();
    let mut current = Some(guide.start.as_str());
    let mut pending = None;
    while let Some(qid) = current {
        let Some(question) = guide.question(qid) else {
            break;
        };
        if !visited.insert(qid) {
            break; // Validation rejects cycles; this guards an unvalidated guide.
        }
        let chosen = answers.get(qid).and_then(|a| question.option(a));
        let Some(option) = chosen else {
            pending = Some(qid.to_owned());
            break;
        };
        path.push(Step {
            question: qid.to_owned(),
            answer: option.id.clone(),
        });
        current = option.next.as_deref();
    }
    let on_path: HashSet<&str> = path.iter().map(|s| s.question.as_str()).collect();
    let ignored = answers
        .keys()
        .filter(|q| !on_path.contains(q.as_str()) && pending.as_deref() != Some(q.as_str()))
        .cloned()
        .collect();
    Walk {
        path,
        pending,
        ignored,
    }
}

/// A problem with answers given by name (on the command line or in a file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion {
        question: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    UnknownOption {
        question: String,
        option: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownQuestion {
                question,
                suggestion,
                valid,
            } => {
                write!(f, "unknown question \"{}\"", crate::text::cut(question))?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean \"{s}\"?")?;
                }
                write!(f, " (questions: {})", valid.join(", "))
            }
            AnswerError::UnknownOption {
                question,
                option,
                suggestion,
                valid,
            } => {
                write!(
                    f,
                    "unknown answer \"{}\" for {}",
                    crate::text::cut(option),
                    crate::text::cut(question)
                )?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean \"{s}\"?")?;
                }
                write!(f, " (options: {})", valid.join(", "))
            }
        }
    }
}

/// Every answer must name a real question and one of its options.
pub fn check_answers(guide: &Guide, answers: &Answers) -> Result<(), AnswerError> {
    for (qid, oid) in answers {
        let Some(question) = guide.question(qid) else {
            let valid: Vec<String> = guide.questions.iter().map(|q| q.id.clone()).collect();
            return Err(AnswerError::UnknownQuestion {
                question: qid.clone(),
                suggestion: crate::text::closest(qid, valid.iter().map(String::as_str))
                    .map(str::to_owned),
                valid,
            });
        };
        if question.option(oid).is_none() {
            let valid: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            return Err(AnswerError::UnknownOption {
                question: qid.clone(),
                option: oid.clone(),
                suggestion: crate::text::closest(oid, valid.iter().map(String::as_str))
                    .map(str::to_owned),
                valid,
            });
        }
    }
    Ok(())
}

/// One rule that fired: which answer, what it did, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub question: String,
    pub answer: String,
    /// The score it added; 0 for a rule-out.
    pub weight: i32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub service: String,
    pub name: String,
    pub score: i32,
    /// Every weighted rule that fired for this service, strongest first.
    pub reasons: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub service: String,
    pub name: String,
    /// The rule-outs that fired, in path order.
    pub reasons: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Every service not ruled out, best first; ties keep the data file's order.
    pub ranking: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
}

impl Recommendation {
    pub fn top(&self) -> Option<&Ranked> {
        self.ranking.first()
    }

    /// The services that share the top score with the recommendation; the data file's order
    /// put the recommendation first.
    pub fn tied_with_top(&self) -> Vec<&Ranked> {
        let Some(top) = self.top() else {
            return Vec::new();
        };
        self.ranking
            .iter()
            .skip(1)
            .take_while(|r| r.score == top.score)
            .collect()
    }

    /// The rank (1-based) of a service, or `None` when it is ruled out.
    pub fn rank_of(&self, service: &str) -> Option<usize> {
        self.ranking
            .iter()
            .position(|r| r.service == service)
            .map(|i| i + 1)
    }
}

/// Applies the rules of every answer on the path to every service.
pub fn recommend(guide: &Guide, path: &[Step]) -> Recommendation {
    let mut scores = vec![0i32; guide.services.len()];
    let mut favours: Vec<Vec<Contribution>> = vec![Vec::new(); guide.services.len()];
    let mut knockouts: Vec<Vec<Contribution>> = vec![Vec::new(); guide.services.len()];
    for step in path {
        let Some(option) = guide
            .question(&step.question)
            .and_then(|q| q.option(&step.answer))
        else {
            continue;
        };
        for rule in &option.rules {
            let Some(i) = guide.services.iter().position(|s| s.id == rule.service()) else {
                continue;
            };
            let (weight, list) = match rule {
                Rule::Favour { weight, .. } => (*weight, &mut favours[i]),
                Rule::RuleOut { .. } => (0, &mut knockouts[i]),
            };
            // Checked: `check` bounds weights, and an unchecked guide still cannot wrap a
            // score around to the other end (two large weights once made -2147483648).
            scores[i] = scores[i].saturating_add(weight);
            list.push(Contribution {
                question: step.question.clone(),
                answer: step.answer.clone(),
                weight,
                reason: rule.reason().to_owned(),
            });
        }
    }
    let mut ranking = Vec::new();
    let mut excluded = Vec::new();
    for (i, service) in guide.services.iter().enumerate() {
        if knockouts[i].is_empty() {
            let mut reasons = std::mem::take(&mut favours[i]);
            // Stable sort: equal weights stay in path order.
            reasons.sort_by_key(|c| std::cmp::Reverse(c.weight));
            ranking.push((
                i,
                Ranked {
                    service: service.id.clone(),
                    name: service.name.clone(),
                    score: scores[i],
                    reasons,
                },
            ));
        } else {
            excluded.push(Excluded {
                service: service.id.clone(),
                name: service.name.clone(),
                reasons: std::mem::take(&mut knockouts[i]),
            });
        }
    }
    ranking.sort_by_key(|(i, r)| (std::cmp::Reverse(r.score), *i));
    Recommendation {
        ranking: ranking.into_iter().map(|(_, r)| r).collect(),
        excluded,
    }
}

/// What exploring every path of the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explored {
    pub paths: usize,
    /// Paths topped by each service, in data order.
    pub tops: Vec<usize>,
    /// The first [`DEAD_END_EXAMPLES`] paths on which every service is ruled out, spelled
    /// `q=a → q=a`; [`Explored::dead_end_count`] counts them all.
    pub dead_ends: Vec<String>,
    /// How many paths end with every service ruled out. Only a few are kept as text, so
    /// memory stays bounded whatever the file (every one kept took 3.5 GB for a 32 KB file).
    pub dead_end_count: usize,
    /// Exploration stopped at the path limit.
    pub truncated: bool,
}

/// How many dead-end paths [`explore`] keeps as text.
pub const DEAD_END_EXAMPLES: usize = 5;

/// Walks every path from the start (the guide must be free of cycles and dangling `next`s),
/// scoring incrementally so thousands of paths take milliseconds.
///
/// Iterative, with an explicit stack, so a chain of 30,000 questions cannot overflow the
/// call stack. Each answer's rules are applied on the way down and undone on the way back, and
/// the services still in are kept ordered by score, so a path costs its rules (times log of the
/// services), never a pass over every service: 10,000 services once took 21.6 s.
pub fn explore(guide: &Guide, max_paths: usize) -> Explored {
    use std::cmp::Reverse;
    use std::collections::{BTreeSet, HashMap};

    /// Where an option leads: another question, the end of the walk, or nowhere known.
    #[derive(Clone, Copy)]
    enum Next {
        Question(usize),
        End,
        Dangling,
    }
    /// One question on the current path and the option it is trying.
    struct Frame {
        question: usize,
        next_option: usize,
        applied: Option<usize>,
    }

    let n = guide.services.len();
    let mut result = Explored {
        paths: 0,
        tops: vec![0; n],
        dead_ends: Vec::new(),
        dead_end_count: 0,
        truncated: false,
    };
    let questions: HashMap<&str, usize> = guide
        .questions
        .iter()
        .enumerate()
        .rev() // The first of duplicated ids wins, as `Guide::question` finds it.
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let services: HashMap<&str, usize> = guide
        .services
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let Some(&start) = questions.get(guide.start.as_str()) else {
        return result;
    };
    // Each option's effect on the scores (`None` rules a service out), and where it leads.
    /// What choosing an option does: each rule's service and weight (`None` rules it out).
    type Effect = (Vec<(usize, Option<i64>)>, Next);
    let effects: Vec<Vec<Effect>> = guide
        .questions
        .iter()
        .map(|q| {
            q.options
                .iter()
                .map(|o| {
                    let rules = o
                        .rules
                        .iter()
                        .filter_map(|rule| {
                            let i = *services.get(rule.service())?;
                            Some(match rule {
                                Rule::Favour { weight, .. } => (i, Some(i64::from(*weight))),
                                Rule::RuleOut { .. } => (i, None),
                            })
                        })
                        .collect();
                    let next = match o.next.as_deref() {
                        None => Next::End,
                        Some(id) => questions
                            .get(id)
                            .map_or(Next::Dangling, |&i| Next::Question(i)),
                    };
                    (rules, next)
                })
                .collect()
        })
        .collect();

    let mut scores = vec![0i64; n];
    let mut out = vec![0u32; n];
    // The services not ruled out, best first; ties go to the earlier service, as in `recommend`.
    let mut standing: BTreeSet<(Reverse<i64>, usize)> = (0..n).map(|i| (Reverse(0), i)).collect();
    let apply = |rules: &[(usize, Option<i64>)],
                 undo: bool,
                 scores: &mut [i64],
                 out: &mut [u32],
                 standing: &mut BTreeSet<(Reverse<i64>, usize)>| {
        for &(i, weight) in rules {
            if out[i] == 0 {
                standing.remove(&(Reverse(scores[i]), i));
            }
            match (weight, undo) {
                (Some(w), false) => scores[i] += w,
                (Some(w), true) => scores[i] -= w,
                (None, false) => out[i] += 1,
                (None, true) => out[i] -= 1,
            }
            if out[i] == 0 {
                standing.insert((Reverse(scores[i]), i));
            }
        }
    };

    let mut on_path = vec![false; guide.questions.len()];
    on_path[start] = true;
    let mut stack = vec![Frame {
        question: start,
        next_option: 0,
        applied: None,
    }];
    while let Some(frame) = stack.last_mut() {
        let q = frame.question;
        if let Some(o) = frame.applied.take() {
            apply(&effects[q][o].0, true, &mut scores, &mut out, &mut standing);
        }
        if result.truncated || frame.next_option >= effects[q].len() {
            on_path[q] = false;
            stack.pop();
            continue;
        }
        let o = frame.next_option;
        frame.next_option += 1;
        frame.applied = Some(o);
        let (rules, next) = &effects[q][o];
        apply(rules, false, &mut scores, &mut out, &mut standing);
        match *next {
            Next::Dangling => {}
            Next::Question(nq) => {
                if !on_path[nq] {
                    on_path[nq] = true;
                    stack.push(Frame {
                        question: nq,
                        next_option: 0,
                        applied: None,
                    });
                }
            }
            Next::End => {
                result.paths += 1;
                if result.paths > max_paths {
                    result.truncated = true;
                } else if let Some(&(_, top)) = standing.first() {
                    result.tops[top] += 1;
                } else {
                    result.dead_end_count += 1;
                    if result.dead_ends.len() < DEAD_END_EXAMPLES {
                        let trail: Vec<String> = stack
                            .iter()
                            .filter_map(|f| {
                                let question = &guide.questions[f.question];
                                let option = &question.options[f.applied?];
                                Some(format!("{}={}", question.id, option.id))
                            })
                            .collect();
                        result.dead_ends.push(trail.join(" → "));
                    }
                }
            }
        }
    }
    result
}
