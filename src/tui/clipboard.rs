//! Copying to the clipboard through the terminal (OSC 52): the app writes an escape sequence
//! carrying the text in base64 and the terminal puts it on the clipboard. It works over SSH and
//! needs no display server, but the terminal must allow it (some ask, some refuse; tmux needs
//! `set-clipboard on` or `allow-passthrough on`, screen a passthrough).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// What the app runs inside, for how the sequence must be wrapped to reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    None,
    Tmux,
    Screen,
}

impl Multiplexer {
    /// From the environment as `set` sees it: tmux sets `TMUX`, GNU screen sets `STY`.
    pub fn detect(set: impl Fn(&str) -> bool) -> Self {
        if set("TMUX") {
            Multiplexer::Tmux
        } else if set("STY") {
            Multiplexer::Screen
        } else {
            Multiplexer::None
        }
    }
}

/// GNU screen drops a passthrough longer than its buffer, so the sequence goes in pieces this
/// long, each its own passthrough (the terminal joins them).
const SCREEN_CHUNK: usize = 76;

/// The bytes that put `text` on the clipboard: `ESC ] 52 ; c ; <base64> BEL`, as it is for tmux
/// and again wrapped (`ESC P tmux; … ESC \`, every ESC inside doubled), or for screen wrapped
/// (`ESC P … ESC \`, in pieces).
///
/// tmux takes the bare sequence itself when `set-clipboard` is `on`, and passes the wrapped one
/// to the terminal outside when `allow-passthrough` is `on`; it drops whichever it is not set for,
/// so sending both works under either setting (under both, the same text is set twice).
pub fn osc52(text: &str, mux: Multiplexer) -> String {
    let sequence = format!("\x1b]52;c;{}\x07", STANDARD.encode(text));
    match mux {
        Multiplexer::None => sequence,
        Multiplexer::Tmux => format!(
            "{sequence}\x1bPtmux;{}\x1b\\",
            sequence.replace('\x1b', "\x1b\x1b")
        ),
        Multiplexer::Screen => {
            // The sequence is ASCII (ESC, digits, base64, BEL), so byte chunks are whole chars.
            let bytes = sequence.as_bytes();
            bytes
                .chunks(SCREEN_CHUNK)
                .map(|chunk| format!("\x1bP{}\x1b\\", String::from_utf8_lossy(chunk)))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_as_padded_base64() {
        assert_eq!(osc52("foob", Multiplexer::None), "\x1b]52;c;Zm9vYg==\x07");
        assert_eq!(osc52("é\n", Multiplexer::None), "\x1b]52;c;w6kK\x07");
    }

    #[test]
    fn plain_terminal_gets_the_bare_sequence() {
        assert_eq!(osc52("hi", Multiplexer::None), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn tmux_gets_the_bare_sequence_and_a_passthrough_with_every_escape_doubled() {
        assert_eq!(
            osc52("hi", Multiplexer::Tmux),
            "\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    #[test]
    fn screen_gets_passthroughs_in_pieces() {
        assert_eq!(
            osc52("hi", Multiplexer::Screen),
            "\x1bP\x1b]52;c;aGk=\x07\x1b\\"
        );
        let long = "x".repeat(300);
        let wrapped = osc52(&long, Multiplexer::Screen);
        let pieces: Vec<&str> = wrapped.split("\x1b\\").filter(|p| !p.is_empty()).collect();
        assert!(pieces.len() > 1, "{wrapped:?}");
        for piece in &pieces {
            assert!(piece.starts_with("\x1bP"), "{piece:?}");
            assert!(piece.len() <= SCREEN_CHUNK + 2, "{piece:?}");
        }
        // Unwrapped, the pieces are the plain sequence again.
        let joined: String = pieces.iter().map(|p| &p[2..]).collect();
        assert_eq!(joined, osc52(&long, Multiplexer::None));
    }

    #[test]
    fn the_multiplexer_is_read_from_the_environment() {
        assert_eq!(Multiplexer::detect(|v| v == "TMUX"), Multiplexer::Tmux);
        assert_eq!(Multiplexer::detect(|v| v == "STY"), Multiplexer::Screen);
        assert_eq!(Multiplexer::detect(|_| false), Multiplexer::None);
    }
}
