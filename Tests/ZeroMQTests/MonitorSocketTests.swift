import Foundation
import Testing
import ZeroMQ

@Suite("Monitor socket polled by its owner")
struct MonitorSocketTests {
    @Test("ACCEPTED and DISCONNECTED name the descriptor that received frames carry", .timeLimit(.minutes(1)))
    func descriptorsRelateFramesToConnections() async throws {
        try await IOThread.run {
            let context = try Context()
            let router = try TestSockets.make(.router, context)
            let monitor = try router.monitorSocket([.init(.accepted), .init(.disconnected)])
            let endpoint = try router.bind("tcp://127.0.0.1:*")
            try monitor.set(.receiveTimeoutMilliseconds, TestSockets.receiveTimeoutMilliseconds)

            var descriptors: [Int32] = []
            for round in 0..<2 {
                do {
                    let dealer = try TestSockets.make(.dealer, context)
                    try dealer.connect(endpoint)
                    try dealer.send(multipart: [.utf8("hi"), .utf8("\(round)")])
                    let frames = try router.receiveMultipart()
                    let descriptor = try #require(frames[1].sourceFileDescriptor)
                    #expect(frames[2].sourceFileDescriptor == descriptor)
                    let accepted = try #require(try MonitorEvent.receive(from: monitor, flags: []))
                    #expect(accepted.kind == .accepted)
                    #expect(Int32(bitPattern: accepted.value) == descriptor)
                    descriptors.append(descriptor)
                }  // the DEALER closes here (linger 0)
                let disconnected = try #require(try MonitorEvent.receive(from: monitor, flags: []))
                #expect(disconnected.kind == .disconnected)
                #expect(Int32(bitPattern: disconnected.value) == descriptors.last)
            }
            // Nothing else was queued; a message built locally has no descriptor.
            #expect(try MonitorEvent.receive(from: monitor) == nil)
            #expect(try Message([1, 2, 3]).sourceFileDescriptor == nil)
        }
    }
}
