global using Dsl.Rules.Tests;
global using Shouldly;
global using Xunit;
