using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Security;

/// <summary>Keeps the Data Protection key ring in the security store's folder (what PersistKeysToFileSystem does, for a folder known only at run time).</summary>
internal sealed class KeyManagementOptionsSetup(string folder) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        Directory.CreateDirectory(folder);
        options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
    }
}
