#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GerbangTesting

/// A tmpfs mounted for one test (`mount -t tmpfs -o size=…`), unmounted by ``unmount()`` or
/// at the latest in `deinit` (lazily, so that a broker still holding files cannot keep it).
/// Not `Sendable`: owned by the test's thread.
final class TmpfsMount {
    let path: URL
    private var mounted = true

    /// Mounts; throws ``MountRefused`` when the kernel refuses (an unprivileged container).
    init(at path: URL, sizeBytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        let result = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(sizeBytes),mode=0700", "tmpfs", path.path])
        guard result.status == 0 else { throw MountRefused(message: result.output) }
    }

    struct MountRefused: Error, CustomStringConvertible {
        let message: String
        var description: String { "mount refused: \(message)" }
    }

    /// Unmounts (lazily: `umount -l`); later calls do nothing.
    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = try? Self.run("/bin/umount", ["-l", path.path])
    }

    deinit { unmount() }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Command.run(URL(fileURLWithPath: executable), arguments)
    }
}

/// Fills a file system: writes `file` until the disk refuses (ENOSPC), first in 1 MiB
/// chunks, then in 4 KiB ones. Returns the bytes written. Bounded by `maxBytes`.
enum DiskFiller {
    static func fill(_ file: URL, maxBytes: Int = 1 << 30) throws -> Int {
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw BrokerTestError("cannot create \(file.path): errno \(errno)") }
        defer { close(fd) }
        var written = 0
        for chunk in [1 << 20, 4_096, 512] {
            let buffer = [UInt8](repeating: 0xA5, count: chunk)
            while written < maxBytes {
                let count = buffer.withUnsafeBytes { write(fd, $0.baseAddress, chunk) }
                if count <= 0 {
                    guard errno == ENOSPC || count == 0 else { throw BrokerTestError("filler write failed: errno \(errno)") }
                    break
                }
                written += count
            }
        }
        return written
    }
}

/// The fallback where `mount` is refused: a soft `RLIMIT_FSIZE` on the broker process, set
/// with util-linux's `prlimit --pid` (prlimit(2)), so that growing the store's files fails with
/// EFBIG (gerbangd ignores SIGXFSZ); raising it again is the "space returns".
enum FileSizeLimit {
    /// Sets the soft limit of process `pid` to `bytes` (the hard limit stays unlimited).
    static func set(pid: pid_t, bytes: UInt64) throws {
        try prlimit(pid: pid, "--fsize=\(bytes):unlimited")
    }

    /// Lifts the soft limit.
    static func lift(pid: pid_t) throws {
        try prlimit(pid: pid, "--fsize=unlimited:unlimited")
    }

    private static func prlimit(pid: pid_t, _ limit: String) throws {
        let result = try TmpfsMount.run("/usr/bin/prlimit", ["--pid", "\(pid)", limit])
        guard result.status == 0 else { throw BrokerTestError("prlimit \(limit) failed: \(result.output)") }
    }
}
