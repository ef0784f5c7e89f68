using DuckDB.NET.Data;
using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    private const string EventOwner = "event";
    private const string ObjectOwner = "object";

    /// <summary>
    /// Loads the object-centric data (OCEL events, objects, E2O and O2O relations) stored by object-centric imports,
    /// or <c>null</c> when no import stored any.
    /// </summary>
    public ObjectCentricData? LoadObjects()
    {
        Enter();
        try
        {
            if (Scalar("SELECT (SELECT count(*) FROM ocel_events) + (SELECT count(*) FROM objects)") == 0)
            {
                return null;
            }

            var attributes = ReadObjectAttributes();
            var events = new List<OcelEvent>();
            using (var query = Query("SELECT event_id, type, ts, offset_min FROM ocel_events ORDER BY seq"))
            {
                var reader = query.Reader;
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    var time = new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(3)));
                    events.Add(new OcelEvent(id, reader.GetString(1), time, attributes.GetValueOrDefault((EventOwner, id)) ?? []));
                }
            }

            var objects = new List<OcelObject>();
            using (var query = Query("SELECT object_id, type FROM objects ORDER BY seq"))
            {
                var reader = query.Reader;
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    objects.Add(new OcelObject(id, reader.GetString(1), attributes.GetValueOrDefault((ObjectOwner, id)) ?? []));
                }
            }

            var eventObjects = new List<OcelEventObject>();
            using (var query = Query("SELECT event_id, object_id, qualifier FROM event_objects ORDER BY seq"))
            {
                var reader = query.Reader;
                while (reader.Read())
                {
                    eventObjects.Add(new OcelEventObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var objectObjects = new List<OcelObjectObject>();
            using (var query = Query("SELECT source_id, target_id, qualifier FROM object_objects ORDER BY seq"))
            {
                var reader = query.Reader;
                while (reader.Read())
                {
                    objectObjects.Add(new OcelObjectObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            return new ObjectCentricData(events, objects, eventObjects, objectObjects);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Dictionary<(string Kind, string Id), List<OcelAttribute>> ReadObjectAttributes()
    {
        var result = new Dictionary<(string, string), List<OcelAttribute>>();
        using var query = Query(
            "SELECT owner_kind, owner_id, name, type, v_text, v_long, v_double, v_bool, v_ts, v_offset_min, at_ts, at_offset_min " +
            "FROM object_attributes ORDER BY owner_kind, owner_id, position");
        var reader = query.Reader;
        while (reader.Read())
        {
            var type = Enum.Parse<AttributeType>(reader.GetString(3));
            var value = type switch
            {
                AttributeType.String => AttributeValue.FromString(reader.GetString(4)),
                AttributeType.Long => AttributeValue.FromLong(reader.GetInt64(5)),
                AttributeType.Double => AttributeValue.FromDouble(reader.GetDouble(6)),
                AttributeType.Boolean => AttributeValue.FromBoolean(reader.GetBoolean(7)),
                _ => AttributeValue.FromTimestamp(reader.GetInt64(8), reader.GetInt16(9)),
            };
            DateTimeOffset? at = reader.IsDBNull(10)
                ? null
                : new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(11)));
            var key = (reader.GetString(0), reader.GetString(1));
            if (!result.TryGetValue(key, out var list))
            {
                list = [];
                result.Add(key, list);
            }

            list.Add(new OcelAttribute(reader.GetString(2), value, at));
        }

        return result;
    }

    private long AppendObjects(ObjectCentricData data, long importId)
    {
        long added = 0;
        var eventSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM ocel_events");
        Execute("CREATE OR REPLACE TEMP TABLE stage_ocel_events (seq BIGINT, event_id VARCHAR, type VARCHAR, ts BIGINT, offset_min SMALLINT)");
        using (var appender = _connection.CreateAppender("stage_ocel_events"))
        {
            for (var i = 0; i < data.Events.Count; i++)
            {
                var e = data.Events[i];
                appender.CreateRow().AppendValue(eventSeq + i).AppendValue(e.Id).AppendValue(e.Type)
                    .AppendValue(e.Time.UtcTicks).AppendValue((short)e.Time.Offset.TotalMinutes).EndRow();
            }
        }

        added += Execute(
            $"INSERT INTO ocel_events SELECT seq, event_id, type, ts, offset_min, {importId} FROM stage_ocel_events s " +
            "WHERE NOT EXISTS (SELECT 1 FROM ocel_events o WHERE o.event_id = s.event_id) " +
            "QUALIFY row_number() OVER (PARTITION BY s.event_id ORDER BY s.seq) = 1");

        var objectSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM objects");
        Execute("CREATE OR REPLACE TEMP TABLE stage_objects (seq BIGINT, object_id VARCHAR, type VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_objects"))
        {
            for (var i = 0; i < data.Objects.Count; i++)
            {
                appender.CreateRow().AppendValue(objectSeq + i).AppendValue(data.Objects[i].Id).AppendValue(data.Objects[i].Type).EndRow();
            }
        }

        added += Execute(
            $"INSERT INTO objects SELECT seq, object_id, type, {importId} FROM stage_objects s " +
            "WHERE NOT EXISTS (SELECT 1 FROM objects o WHERE o.object_id = s.object_id) " +
            "QUALIFY row_number() OVER (PARTITION BY s.object_id ORDER BY s.seq) = 1");

        Execute(
            "CREATE OR REPLACE TEMP TABLE stage_object_attributes (owner_kind VARCHAR, owner_id VARCHAR, position INTEGER, " +
            "name VARCHAR, type VARCHAR, v_text VARCHAR, v_long BIGINT, v_double DOUBLE, v_bool BOOLEAN, v_ts BIGINT, " +
            "v_offset_min SMALLINT, at_ts BIGINT, at_offset_min SMALLINT)");
        using (var appender = _connection.CreateAppender("stage_object_attributes"))
        {
            foreach (var e in data.Events)
            {
                StageAttributes(appender, EventOwner, e.Id, e.Attributes);
            }

            foreach (var o in data.Objects)
            {
                StageAttributes(appender, ObjectOwner, o.Id, o.Attributes);
            }
        }

        // Attributes come with their owner: only owners stored by this import get them.
        Execute(
            "INSERT INTO object_attributes SELECT s.* FROM stage_object_attributes s WHERE " +
            $"(s.owner_kind = '{EventOwner}' AND s.owner_id IN (SELECT event_id FROM ocel_events WHERE import_id = {importId})) OR " +
            $"(s.owner_kind = '{ObjectOwner}' AND s.owner_id IN (SELECT object_id FROM objects WHERE import_id = {importId}))");

        var relationSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM event_objects");
        Execute("CREATE OR REPLACE TEMP TABLE stage_event_objects (seq BIGINT, event_id VARCHAR, object_id VARCHAR, qualifier VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_event_objects"))
        {
            for (var i = 0; i < data.EventObjects.Count; i++)
            {
                var r = data.EventObjects[i];
                appender.CreateRow().AppendValue(relationSeq + i).AppendValue(r.EventId).AppendValue(r.ObjectId).AppendValue(r.Qualifier).EndRow();
            }
        }

        added += Execute(
            "INSERT INTO event_objects SELECT * FROM stage_event_objects s WHERE NOT EXISTS (SELECT 1 FROM event_objects r " +
            "WHERE r.event_id = s.event_id AND r.object_id = s.object_id AND r.qualifier = s.qualifier) " +
            "QUALIFY row_number() OVER (PARTITION BY s.event_id, s.object_id, s.qualifier ORDER BY s.seq) = 1");

        relationSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM object_objects");
        Execute("CREATE OR REPLACE TEMP TABLE stage_object_objects (seq BIGINT, source_id VARCHAR, target_id VARCHAR, qualifier VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_object_objects"))
        {
            for (var i = 0; i < data.ObjectObjects.Count; i++)
            {
                var r = data.ObjectObjects[i];
                appender.CreateRow().AppendValue(relationSeq + i).AppendValue(r.SourceId).AppendValue(r.TargetId).AppendValue(r.Qualifier).EndRow();
            }
        }

        added += Execute(
            "INSERT INTO object_objects SELECT * FROM stage_object_objects s WHERE NOT EXISTS (SELECT 1 FROM object_objects r " +
            "WHERE r.source_id = s.source_id AND r.target_id = s.target_id AND r.qualifier = s.qualifier) " +
            "QUALIFY row_number() OVER (PARTITION BY s.source_id, s.target_id, s.qualifier ORDER BY s.seq) = 1");
        Execute(
            "DROP TABLE stage_ocel_events; DROP TABLE stage_objects; DROP TABLE stage_object_attributes; " +
            "DROP TABLE stage_event_objects; DROP TABLE stage_object_objects");
        return added;
    }

    private static void StageAttributes(DuckDBAppender appender, string kind, string owner, IReadOnlyList<OcelAttribute> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var value = attribute.Value;
            var row = appender.CreateRow().AppendValue(kind).AppendValue(owner).AppendValue(i).AppendValue(attribute.Name)
                .AppendValue(value.Type.ToString())
                .AppendValue(value.Type == AttributeType.String ? value.AsString() : null)
                .AppendValue(value.Type == AttributeType.Long ? value.AsLong() : (long?)null)
                .AppendValue(value.Type == AttributeType.Double ? value.AsDouble() : (double?)null)
                .AppendValue(value.Type == AttributeType.Boolean ? value.AsBoolean() : (bool?)null)
                .AppendValue(value.Type == AttributeType.Timestamp ? value.AsUtcTicks() : (long?)null)
                .AppendValue(value.Type == AttributeType.Timestamp ? value.OffsetMinutes : (short?)null);
            if (attribute.Time is { } time)
            {
                row.AppendValue(time.UtcTicks).AppendValue((short)time.Offset.TotalMinutes);
            }
            else
            {
                row.AppendNullValue().AppendNullValue();
            }

            row.EndRow();
        }
    }

    private QueryRows Query(string sql) => new(_connection, sql);
}
