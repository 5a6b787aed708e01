using Dsl.Host.Security;

namespace Dsl.Host.Commands;

/// <summary>
/// `dotnet run --project Dsl.Host -- dev-token --role admin [--setting 100000] [--name "Sam Lee"] [--subject fac-1]`:
/// prints a signed token, alone, on stdout, for trying the API locally.
/// </summary>
public static class DevTokenCommand
{
    public static int Run(string[] args, IConfiguration configuration)
    {
        string? role = null, setting = null, name = null, subject = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role": role = value; i++; break;
                case "--setting": setting = value; i++; break;
                case "--name": name = value; i++; break;
                case "--subject": subject = value; i++; break;
                default:
                    return Fail($"Unknown option '{args[i]}'.");
            }
        }

        if (role is null || !Roles.All.Contains(role))
            return Fail($"--role is required and must be one of: {string.Join(", ", Roles.All)}.");
        if (role is Roles.Head or Roles.Lead && string.IsNullOrWhiteSpace(setting))
            return Fail("--setting <urn> is required for head and lead tokens.");

        Console.Out.WriteLine(TokenIssuer.From(configuration, allowDevelopmentKey: true).Issue(role, setting, name, subject: subject));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine("usage: dev-token --role <admin|facilitator|assessor|head|lead|integrator> [--setting <urn>] [--name <name>] [--subject <user id>]");
        return 2;
    }
}
