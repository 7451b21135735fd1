import GerbangJSON

/// The schema object whose keywords are being compiled, with what is in effect there.
struct KeywordContext {
    let object: JSONObject
    let location: SchemaLocation
    let baseURI: String
    let vocabularies: Vocabularies
}
