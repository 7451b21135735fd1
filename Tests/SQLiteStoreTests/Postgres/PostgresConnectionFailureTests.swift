import Foundation
import PostgresStore
import Store
import Testing

@Suite("PostgresStore: configuration and connection errors")
struct PostgresConnectionFailureTests {
    @Test("a server that refuses connections fails the open with store.unavailable, without waiting for the timeout")
    func connectionRefused() async throws {
        // Port 1 on 127.0.0.1: nothing listens there.
        let url = "postgres://gerbang@127.0.0.1:1/none?sslmode=disable"
        let started = ContinuousClock.now
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.open(configuration: PostgresStoreConfiguration(url: url, connectTimeout: .seconds(60)),
                                         logger: .quietTestLogger)
        }
        #expect(error?.reason == .unavailable, "\(String(describing: error))")
        #expect(error?.isStorageFailure == true)
        // Refused at once, not after the 60 s connect timeout (the bound leaves room for a busy machine).
        #expect(started.duration(to: .now) < .seconds(30))
    }

    @Test("a database that does not exist fails the open with store.cannot-open")
    func missingDatabase() async throws {
        let server = try PostgresTestDatabase().server
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.open(configuration: PostgresStoreConfiguration(url: server.url(database: "no_such_database")),
                                         logger: .quietTestLogger)
        }
        #expect(error?.reason == .cannotOpen, "\(String(describing: error))")
    }

    @Test("bad URLs and limits are refused with store.invalid-configuration naming the problem",
          arguments: [
              ("mysql://u@h/d", "scheme"), ("postgres://h/d", "user"), ("postgres://u@h", "database"),
              ("postgres://u@h/d?sslmode=require", "sslmode"), ("postgres://u@h:99999/d", "port"),
          ])
    func invalidURLs(url: String, mentioned: String) async throws {
        let error = #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: url).validate() }
        #expect(error?.reason == .invalidConfiguration)
        #expect(error?.message.contains(mentioned) == true, "\(String(describing: error))")
        let pool = #expect(throws: StoreError.self) {
            try PostgresStoreConfiguration(url: "postgres://u@h/d", poolSize: 0).validate()
        }
        #expect(pool?.message.contains("poolSize") == true)
    }

    @Test("the password is never shown in the redacted URL")
    func redactedURL() throws {
        let url = try PostgresConnectionURL("postgres://gerbang:s3cret@db.example:6543/broker?sslmode=disable")
        #expect(url.password == "s3cret")
        #expect(url.port == 6543)
        #expect(!url.redacted.contains("s3cret"))
    }
}
