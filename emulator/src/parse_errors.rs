//! hyper's own error answers, given Twilio's body.
//!
//! hyper answers a request it cannot parse before the router ever sees it: 400 for a
//! malformed request line or header, 414 for a request target too long, 431 for
//! headers past the limit; each with an empty body, then it closes the connection.
//! No hook of hyper's changes that answer, so this wrapper of the connection's I/O
//! recognises it as hyper writes it (an error status with no `content-type`, which
//! every error of the router has) and writes Twilio's body in its place.

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::http::StatusCode;
use hyper::rt::{Read, ReadBufCursor, Write};

use crate::errors;

/// The largest request head (request line and headers) read, in bytes; past it,
/// hyper's 431.
pub const HEADER_LIMIT: usize = 64 * 1024;

/// A connection's I/O with hyper's parse-error answers rewritten.
pub struct TwilioParseErrors<T> {
    inner: T,
    /// The answer written in place of hyper's, and how much of it is out.
    replacement: Vec<u8>,
    written: usize,
}

impl<T> TwilioParseErrors<T> {
    /// Wraps `inner`.
    pub fn new(inner: T) -> Self {
        TwilioParseErrors {
            inner,
            replacement: Vec::new(),
            written: 0,
        }
    }
}

impl<T: Write + Unpin> TwilioParseErrors<T> {
    /// Writes what is left of a replacement; ready when nothing is.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.replacement.len() {
            let rest = &self.replacement[self.written..];
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, rest))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<T: Read + Unpin> Read for TwilioParseErrors<T> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: ReadBufCursor<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<T: Write + Unpin> Write for TwilioParseErrors<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        if let Some((head, replacement)) = hyper_error(buf) {
            // hyper's head counts as written; ours goes out in its place, now or on
            // the flush that follows.
            this.replacement = replacement;
            this.written = 0;
            if let Poll::Ready(Err(error)) = this.poll_replacement(cx) {
                return Poll::Ready(Err(error));
            }
            return Poll::Ready(Ok(head));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_replacement(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }

    // One buffer per write, so a head is always seen whole at the start of one.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

/// When `buf` starts with hyper's own error answer: the length of its head, and the
/// whole answer to write instead.
fn hyper_error(buf: &[u8]) -> Option<(usize, Vec<u8>)> {
    let status = buf.strip_prefix(b"HTTP/1.1 ")?.get(..3)?;
    let error = match status {
        b"400" => {
            errors::bad_request("the request could not be parsed: its request line or a header is malformed")
        }
        b"414" => errors::error(
            StatusCode::URI_TOO_LONG,
            "URI too long: the request target is too long",
        ),
        b"431" => errors::error(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "Request header fields too large: a request's head may hold at most {HEADER_LIMIT} bytes"
            ),
        ),
        _ => return None,
    };
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
    if head.contains("\r\ncontent-type:") {
        return None;
    }
    Some((end + 4, errors::raw_response(&error)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hypers_own_answers_are_rewritten() {
        let hyper = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        let (head, answer) = hyper_error(hyper).unwrap();
        assert_eq!(head, hyper.len());
        let answer = String::from_utf8(answer).unwrap();
        assert!(
            answer.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            "{answer}"
        );
        assert!(answer.contains("\"code\":20431"), "{answer}");
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\r\n{}";
        assert!(hyper_error(ours).is_none());
        assert!(hyper_error(b"HTTP/1.1 200 OK\r\n\r\n").is_none());
        assert!(
            hyper_error(b"HTTP/1.1 400 Bad Request\r\n").is_none(),
            "an incomplete head"
        );
    }
}
