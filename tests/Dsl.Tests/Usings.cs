global using Dsl.Tests.Infrastructure;
global using Shouldly;
global using System.Net;
global using Xunit;
global using Microsoft.AspNetCore.Http;
