using System.Net.Sockets;
using Npgsql;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Recognises a failure to reach PostgreSQL (refused or dropped connections, a server shutting down or starting,
/// a connect or command timeout, an exhausted pool) however Marten or Wolverine wrapped it. Such a request is
/// answered 503 with <c>Retry-After</c> rather than 500: the client did nothing wrong and should try again.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before retrying (the <c>Retry-After</c> header).</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++)
        {
            switch (exception)
            {
                // Class 08 (connection exception), 57P01-57P03 (the server is shutting down or starting),
                // 53300 (too many connections). Not every transient PostgresException: a deadlock or a
                // serialisation failure is a race, not an outage.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                // Npgsql's own errors (not the server's): sockets, timeouts, a broken connection.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(Is);
            }
            exception = exception.InnerException;
        }
        return false;
    }
}
