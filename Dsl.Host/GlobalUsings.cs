// The namespaces the host's slices (the integrator API) share; a file adds only what is particular to it.
global using Dsl.BuildingBlocks.Contracts;
global using Dsl.BuildingBlocks.Http;
global using Dsl.BuildingBlocks.Security;
global using FluentValidation;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Extensions.Options;
global using Wolverine;
global using Wolverine.Http;
