// The namespaces nearly every slice in this module uses; a slice adds only what is particular to it.
global using System.Security.Claims;
global using Dsl.BuildingBlocks.Http;
global using Dsl.BuildingBlocks.Programme;
global using Dsl.BuildingBlocks.Security;
global using Dsl.Enrolment.Contracts;
global using FluentValidation;
global using Marten;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Extensions.Options;
global using Wolverine;
global using Wolverine.Http;
global using Wolverine.Marten;
