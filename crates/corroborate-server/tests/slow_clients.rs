//! Clients that hold connections: one dribbling its request head, one keeping a connection
//! alive forever. Both are cut off by the connection limits, and a normal request still
//! gets its page. The limits are set short here; the defaults are seconds and minutes.

mod support;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use corroborate_server::ConnectionLimits;
use support::*;

fn limits() -> ConnectionLimits {
    ConnectionLimits {
        header_timeout: Duration::from_millis(400),
        lifetime: Duration::from_millis(1500),
        grace: Duration::from_millis(300),
        max_connections: 8,
    }
}

fn server(dir: &std::path::Path) -> SocketAddr {
    let db = build_store(dir);
    start_server_with(&db, limits())
}

/// Reads until the server closes the connection (or `patience` passes); returns the bytes
/// read and whether the server closed it.
fn read_until_closed(stream: &mut TcpStream, patience: Duration) -> (Vec<u8>, bool) {
    let deadline = Instant::now() + patience;
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 4096];
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("read timeout");
    while Instant::now() < deadline {
        match stream.read(&mut buffer) {
            Ok(0) => return (bytes, true),
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return (bytes, true),
        }
    }
    (bytes, false)
}

#[test]
fn a_client_that_never_finishes_its_request_head_is_cut_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let addr = server(dir.path());
    let mut slow = TcpStream::connect(addr).expect("connects");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: loopback\r\nX-Slow: ")
        .expect("writes");
    let started = Instant::now();
    let (_, closed) = read_until_closed(&mut slow, Duration::from_secs(20));
    assert!(closed, "the half-sent request was still open after 20 s");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "closed before the header timeout: {:?}",
        started.elapsed()
    );
    // The server is still there for everyone else.
    let response = http(addr, "GET", "/", None);
    assert_eq!(response.status, 200);
}

#[test]
fn a_kept_alive_connection_is_closed_at_the_end_of_its_lifetime() {
    let dir = tempfile::tempdir().expect("temp dir");
    let addr = server(dir.path());
    let mut client = TcpStream::connect(addr).expect("connects");
    let started = Instant::now();
    let mut answered = 0;
    // Requests every 200 ms keep the connection busy, each well inside the header timeout;
    // the lifetime still ends it.
    let closed = loop {
        let request = b"GET /static/style.css HTTP/1.1\r\nHost: loopback\r\n\r\n";
        if client.write_all(request).is_err() {
            break true;
        }
        let (bytes, closed) = read_until_closed(&mut client, Duration::from_millis(200));
        answered += bytes.windows(12).filter(|w| w == b"HTTP/1.1 200").count();
        if closed {
            break true;
        }
        if started.elapsed() > Duration::from_secs(20) {
            break false;
        }
    };
    assert!(closed, "the connection outlived its lifetime by far");
    assert!(
        answered >= 2,
        "requests were answered before the end: {answered}"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(1200),
        "closed before its lifetime: {:?}",
        started.elapsed()
    );
}
