global using System.Net;
global using Dsl.Tests.Infrastructure;
global using Microsoft.AspNetCore.Http;
global using Shouldly;
global using Xunit;
