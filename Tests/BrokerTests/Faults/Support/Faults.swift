import Testing

/// The fault-injection scenarios of issue 9 (`docs/security.md`, "Fault injection"): each one a real
/// `gerbangd` child process on 127.0.0.1 with real clients, a fault injected and cleared, and
/// the two assertions: no confirmed event lost, the broker serving again after the fault
/// clears. One after the other (they fill disks, kill brokers and load the machine), run with
/// `swift test --skip-build --filter Faults`.
@Suite(.serialized) enum Faults {}
