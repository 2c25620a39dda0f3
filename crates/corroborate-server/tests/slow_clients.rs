//! Connection limits over real TCP: a client that never completes its request is dropped
//! after the idle limit, connections beyond the cap wait to be accepted, and ordinary
//! requests are served throughout.

mod support;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use corroborate_server::ConnectionLimits;
use support::*;

fn server(limits: ConnectionLimits) -> (tempfile::TempDir, SocketAddr) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_store(dir.path());
    let addr = start_server_with_limits(&db, limits);
    (dir, addr)
}

/// Reads until the server closes the connection or `wait` passes; true when it closed.
fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).expect("read timeout");
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false;
            }
            // A reset is a close too.
            Err(_) => return true,
        }
    }
}

#[test]
fn a_client_that_never_finishes_its_request_is_dropped_after_the_idle_limit() {
    let (_dir, addr) = server(ConnectionLimits {
        max_connections: 64,
        idle: Duration::from_millis(400),
    });
    let mut slow = TcpStream::connect(addr).expect("connect");
    let opened = Instant::now();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: loc")
        .expect("first bytes");
    // Trickling more bytes does not keep the connection: the limit counts from the last
    // response, and a request never finished gets none.
    std::thread::sleep(Duration::from_millis(200));
    let _ = slow.write_all(b"al");
    assert!(
        closed_within(&mut slow, Duration::from_secs(10)),
        "the slow connection was never closed"
    );
    assert!(
        opened.elapsed() >= Duration::from_millis(400),
        "closed before the idle limit: {:?}",
        opened.elapsed()
    );
    // Ordinary requests are still served, one after another on fresh connections.
    for _ in 0..3 {
        assert_eq!(http(addr, "GET", "/", None).status, 200);
    }
}

#[test]
fn a_keep_alive_connection_serves_requests_until_it_idles() {
    let (_dir, addr) = server(ConnectionLimits {
        max_connections: 64,
        idle: Duration::from_millis(600),
    });
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    // Each request comes well inside the limit after the previous response, so the
    // connection carries all of them although together they take longer than the limit.
    for _ in 0..4 {
        stream
            .write_all(b"GET /static/style.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .expect("request");
        let head = read_head(&mut stream);
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(
        closed_within(&mut stream, Duration::from_secs(10)),
        "the idle keep-alive connection was never closed"
    );
}

#[test]
fn connections_beyond_the_cap_wait_until_one_closes() {
    let (_dir, addr) = server(ConnectionLimits {
        max_connections: 2,
        idle: Duration::from_secs(60),
    });
    let first = TcpStream::connect(addr).expect("connect");
    let second = TcpStream::connect(addr).expect("connect");
    // Let the server accept both before the third arrives.
    std::thread::sleep(Duration::from_millis(200));
    let mut third = TcpStream::connect(addr).expect("the kernel still queues it");
    third
        .write_all(
            b"GET /static/style.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        )
        .expect("request");
    third
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("read timeout");
    let mut buffer = [0u8; 64];
    let early = third.read(&mut buffer);
    assert!(
        matches!(&early, Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "the third connection was served while two were open: {early:?}"
    );
    drop(first);
    drop(second);
    third
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    let head = read_head(&mut third);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
}

/// Reads one response to a stylesheet request: its head, then its body by length.
fn read_head(stream: &mut TcpStream) -> String {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => raw.push(byte[0]),
            other => panic!("connection ended in a response head: {other:?}"),
        }
    }
    let head = String::from_utf8_lossy(&raw).into_owned();
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the body");
    head
}
