//! The listener `serve` accepts connections through: a cap on open connections, and a
//! deadline on each connection so that a client which stops short of a whole request (or
//! trickles one byte at a time) cannot hold a connection for ever.
//!
//! `axum::serve` keeps hyper's connection handling, which is several times faster here than
//! an own accept loop; what it does not offer is a limit on slow clients, so the limits sit
//! in the listener and the stream it hands out:
//! - accepting waits for a free slot when `max_connections` are open, so further clients
//!   wait in the kernel's backlog instead of taking memory and tasks;
//! - a connection must see a response (any bytes written to it) within `idle` of being
//!   opened or of its previous response, else its next read fails and hyper closes it. A
//!   client sending its headers a byte a minute gets no response, so it is dropped after
//!   `idle`; so is a keep-alive connection left idle that long.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// Limits on connections.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
    /// The longest a connection may go without a response.
    pub idle: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> ConnectionLimits {
        ConnectionLimits {
            max_connections: 1024,
            idle: Duration::from_secs(30),
        }
    }
}

/// A TCP listener with [`ConnectionLimits`].
pub(crate) struct LimitedListener {
    inner: TcpListener,
    slots: Arc<Semaphore>,
    idle: Duration,
}

impl LimitedListener {
    pub(crate) fn new(inner: TcpListener, limits: ConnectionLimits) -> LimitedListener {
        LimitedListener {
            inner,
            slots: Arc::new(Semaphore::new(limits.max_connections.max(1))),
            idle: limits.idle,
        }
    }
}

impl axum::serve::Listener for LimitedListener {
    type Io = LimitedStream;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let slot = Arc::clone(&self.slots)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let (stream, addr) = axum::serve::Listener::accept(&mut self.inner).await;
        // Responses go out whole; waiting to fill packets only adds latency. A socket
        // that refuses the option still works, so the error is of no consequence.
        let _ = stream.set_nodelay(true);
        let stream = LimitedStream {
            stream,
            _slot: slot,
            idle: self.idle,
            last_response: Instant::now(),
            deadline: Box::pin(tokio::time::sleep(self.idle)),
        };
        (stream, addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// An accepted connection: holds its slot until dropped and fails its reads once it has
/// gone `idle` without a response.
pub(crate) struct LimitedStream {
    stream: TcpStream,
    _slot: OwnedSemaphorePermit,
    idle: Duration,
    /// When bytes were last written (or the connection opened).
    last_response: Instant,
    /// Armed for `last_response + idle`, moved forward lazily when it fires.
    deadline: Pin<Box<Sleep>>,
}

impl AsyncRead for LimitedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if let Poll::Ready(result) = Pin::new(&mut this.stream).poll_read(cx, buf) {
            return Poll::Ready(result);
        }
        // Nothing to read: the connection waits on its client. Writes do not touch the
        // timer (that would cost a timer update per response); the deadline is moved
        // forward here, when it fires, if a response was written since it was set.
        loop {
            if this.deadline.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let due = this.last_response + this.idle;
            if due <= Instant::now() {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "no complete request within the idle limit",
                )));
            }
            this.deadline.as_mut().reset(due);
        }
    }
}

impl AsyncWrite for LimitedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let written = Pin::new(&mut this.stream).poll_write(cx, buf);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            this.last_response = Instant::now();
        }
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let written = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            this.last_response = Instant::now();
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
