//! `computepick completions SHELL`: the shell's completion script on stdout, generated from the
//! same clap definition that parses the arguments, so it never falls behind a new flag.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;
use super::output::emit;

pub const AFTER_HELP: &str = "Install (then start a new shell):
  bash        computepick completions bash > ~/.local/share/bash-completion/completions/computepick
  zsh         computepick completions zsh > ~/.zfunc/_computepick
              (with `fpath+=~/.zfunc; autoload -Uz compinit; compinit` in ~/.zshrc)
  fish        computepick completions fish > ~/.config/fish/completions/computepick.fish
  powershell  computepick completions powershell >> $PROFILE";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &Args) -> u8 {
    emit(&script(args.shell))
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "computepick", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
