namespace Journeyscope.Storage;

/// <summary>The DuckDB schema of a workspace database (see docs/storage.md).</summary>
internal static class StoreSchema
{
    /// <summary>Bumped when the layout or the meaning of stored values changes.</summary>
    /// <remarks>
    /// 2: an event's id carries its occurrence number among identical events of its case (<c>#n</c>, n &gt;= 2), and
    /// ids are unique per case rather than per workspace. Version 1 databases are migrated on open without re-keying.
    /// 3: the collector's tables, <c>collector_messages</c> (message ids kept for dedup) and <c>identity_links</c> (the
    /// identity graph's observations). Version 2 databases are migrated on open by creating them (empty).
    /// <c>suppressed_ids</c> (keyed hashes of erased customers' ids, docs/erasure.md) is created on open when missing;
    /// it is empty until the first erasure, so it needs no version of its own. <c>change_journal</c> (the raw case ids of
    /// recent commits, docs/storage.md) is created on open when missing too: a commit it lacks reads as an unknown change.
    /// </remarks>
    public const int Version = 3;

    public const string DatabaseFileName = "journeyscope.duckdb";

    public const string JourneysFolderName = "journeys";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS imports (
            id BIGINT PRIMARY KEY, source VARCHAR NOT NULL, format VARCHAR NOT NULL, records_read BIGINT NOT NULL,
            records_imported BIGINT NOT NULL, records_quarantined BIGINT NOT NULL, events_added BIGINT NOT NULL,
            duplicates_skipped BIGINT NOT NULL, at_ticks BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS attributes (
            id INTEGER PRIMARY KEY, scope VARCHAR NOT NULL, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
            column_name VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR NOT NULL, seq BIGINT NOT NULL, case_id VARCHAR NOT NULL, activity VARCHAR NOT NULL,
            ts BIGINT NOT NULL, offset_min SMALLINT NOT NULL, start_ts BIGINT, start_offset_min SMALLINT,
            lifecycle VARCHAR, resource VARCHAR, channel VARCHAR, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS cases (case_id VARCHAR NOT NULL, first_seq BIGINT NOT NULL, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS ocel_events (
            seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, type VARCHAR NOT NULL, ts BIGINT NOT NULL,
            offset_min SMALLINT NOT NULL, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS objects (
            seq BIGINT NOT NULL, object_id VARCHAR NOT NULL, type VARCHAR NOT NULL, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS object_attributes (
            owner_kind VARCHAR NOT NULL, owner_id VARCHAR NOT NULL, position INTEGER NOT NULL, name VARCHAR NOT NULL,
            type VARCHAR NOT NULL, v_text VARCHAR, v_long BIGINT, v_double DOUBLE, v_bool BOOLEAN, v_ts BIGINT,
            v_offset_min SMALLINT, at_ts BIGINT, at_offset_min SMALLINT);
        CREATE TABLE IF NOT EXISTS event_objects (
            seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, object_id VARCHAR NOT NULL, qualifier VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS object_objects (
            seq BIGINT NOT NULL, source_id VARCHAR NOT NULL, target_id VARCHAR NOT NULL, qualifier VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS quarantine (
            seq BIGINT NOT NULL, import_id BIGINT NOT NULL, source VARCHAR NOT NULL, line BIGINT NOT NULL,
            byte_offset BIGINT NOT NULL, field VARCHAR, reason VARCHAR NOT NULL, raw_text VARCHAR);
        CREATE TABLE IF NOT EXISTS collector_messages (
            message_id VARCHAR NOT NULL, received_ticks BIGINT NOT NULL, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS identity_links (
            kind VARCHAR NOT NULL, anonymous_id VARCHAR, customer_id VARCHAR NOT NULL, ts BIGINT NOT NULL,
            message_id VARCHAR NOT NULL, import_id BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS suppressed_ids (hash VARCHAR NOT NULL, erased_ticks BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS change_journal (from_version BIGINT NOT NULL, to_version BIGINT NOT NULL, case_id VARCHAR);
        """;

    /// <summary>A double-quoted SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
