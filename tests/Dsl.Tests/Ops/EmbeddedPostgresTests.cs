using Dsl.BuildingBlocks.Postgres;
using Npgsql;

namespace Dsl.Tests.Ops;

/// <summary>Where the embedded cluster lives when the postgres user cannot reach the folder asked for (ADR 0006).</summary>
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public void a_relocated_cluster_is_named_after_its_checkout_so_two_never_share_one()
    {
        var first = EmbeddedPostgres.ClusterName("/root/dsl/Dsl.Host/.dsl/postgres");
        EmbeddedPostgres.ClusterName("/root/dsl/Dsl.Host/.dsl/postgres").ShouldBe(first, "the same checkout finds its cluster again");
        EmbeddedPostgres.ClusterName("/root/dsl-2/Dsl.Host/.dsl/postgres").ShouldNotBe(first);
        // Paths that read the same once made safe for a folder name still differ by their hash.
        EmbeddedPostgres.ClusterName("/root/a b/Dsl.Host/.dsl/postgres")
            .ShouldNotBe(EmbeddedPostgres.ClusterName("/root/a-b/Dsl.Host/.dsl/postgres"));
        first.ShouldMatch("^[a-z0-9._-]+$");
        first.ShouldStartWith("root-dsl-dsl.host-.dsl-postgres-");
        EmbeddedPostgres.ClusterName("/" + new string('x', 300)).Length.ShouldBeLessThan(100);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task as_root_a_cluster_asked_for_inside_a_private_folder_runs_elsewhere_and_the_folder_keeps_its_owner()
    {
        if (Environment.UserName != "root") Assert.Skip("only root runs the server as another user (postgres)");
        // A folder of root's own, as /root itself is (0700): the postgres user cannot enter it.
        var privateFolder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dsl-private-" + Guid.NewGuid().ToString("N")[..8]),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var requested = Path.Combine(privateFolder.FullName, "checkout", ".dsl", "postgres");
        EmbeddedPostgres? postgres = null;
        try
        {
            postgres = await EmbeddedPostgres.StartAsync(requested, throwaway: true, TestContext.Current.CancellationToken);

            postgres.Relocated.ShouldBeTrue();
            postgres.RequestedDirectory.ShouldBe(requested);
            Path.GetFileName(postgres.DataDirectory).ShouldBe(EmbeddedPostgres.ClusterName(requested));
            postgres.Describe().ShouldContain(postgres.DataDirectory);
            await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var owner = new NpgsqlCommand("select current_setting('data_directory')", connection);
                (await owner.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(postgres.DataDirectory);
            }
            File.GetUnixFileMode(privateFolder.FullName).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Exists(requested).ShouldBeFalse("nothing is made for a server that cannot reach it");

            await postgres.DisposeAsync();
            File.Exists(Path.Combine(postgres.DataDirectory, "postmaster.pid")).ShouldBeFalse("disposing stops the server");
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
                Directory.Delete(postgres.DataDirectory, recursive: true);
            }
            privateFolder.Delete(recursive: true);
        }
    }
}
