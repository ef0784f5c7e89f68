using DuckDB.NET.Data;

namespace Journeyscope.Storage;

/// <summary>A command and its open reader, disposed together.</summary>
internal sealed class QueryRows : IDisposable
{
    private readonly DuckDBCommand _command;

    public QueryRows(DuckDBConnection connection, string sql)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        Reader = (DuckDBDataReader)_command.ExecuteReader();
    }

    public DuckDBDataReader Reader { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _command.Dispose();
    }
}
