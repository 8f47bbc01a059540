using Newsroom.Core.Accounts;

namespace Newsroom.Server.Configuration;

/// <summary>
/// <c>dotnet run --project src/Newsroom.Server -- hash-password</c>: reads a password from standard input
/// and prints the hash to put in a staff account's <c>PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    public static int Run()
    {
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Type the password on standard input, followed by a newline.");
            return 2;
        }

        Console.WriteLine(PasswordHash.Create(password));
        return 0;
    }
}
