//! Every test that needs no terminal, in one binary (one link instead of one per file): the
//! library, the app without a terminal, and the command line run as scripts run it. The tests
//! that drive the real binary in a terminal are the `pty` test binary.

mod answers_and_records;
mod app_state;
mod architecture;
mod cli;
mod compare;
mod compare_tab;
mod conventions;
mod cost_hand_computed;
mod cost_in_the_decision;
mod cost_model;
mod engine_scenarios;
mod fuzz_data;
mod hostile;
mod knowledge_base;
mod prices;
mod save_and_copy;
mod score_bars;
mod screens;
mod search;
mod support;
mod validate;
mod wide_compare;
