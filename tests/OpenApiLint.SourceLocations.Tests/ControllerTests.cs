namespace OpenApiLint.SourceLocations.Tests;

/// <summary>Controllers: attribute routes, tokens, response attributes on actions and controllers, ignored actions.</summary>
public sealed class ControllerTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Http;

        """;

    [Test]
    public void Controller_route_tokens_and_verb_templates_combine()
    {
        var project = Project.Of(("OrdersController.cs", Usings + """
            [ApiController]
            [Route("api/[controller]")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("{id:int}")]
                public ActionResult<string> Get(int id) => "x";

                [HttpGet]
                public string[] List() => [];

                [HttpPost("[action]")]
                public IActionResult ImportAsync() => Ok();

                [HttpDelete("{id?}")]
                public IActionResult Remove(int? id) => NoContent();

                [HttpGet("files/{*path}")]
                public IActionResult File(string path) => Ok();

                [NonAction]
                public void NotAnActionHelper() { }
            }
            """));

        Assert.That(project.Locate("get", "/api/Orders/{id}"), Is.EqualTo(project.At("Get(int")));
        Assert.That(project.Locate("get", "/api/orders"), Is.EqualTo(project.At("List")));
        Assert.That(project.Locate("post", "/api/Orders/Import"), Is.EqualTo(project.At("ImportAsync")));
        Assert.That(project.Locate("delete", "/api/Orders/{id}"), Is.EqualTo(project.At("Remove")));
        Assert.That(project.Locate("get", "/API/ORDERS/files/{path}"), Is.EqualTo(project.At("File(")));
    }

    [Test]
    public void Absolute_action_templates_replace_the_controller_route()
    {
        var project = Project.Of(("Legacy.cs", Usings + """
            [Route("api/v1/[controller]")]
            public class LegacyController : Controller
            {
                [HttpGet("~/status")]
                public string Status() => "ok";

                [HttpGet("/version")]
                public string Version() => "1";

                [HttpPut]
                [Route("settings/{key}")]
                public IActionResult Put(string key) => Ok();

                [AcceptVerbs("GET", "HEAD", Route = "ping")]
                public string Ping() => "pong";
            }
            """));

        Assert.That(project.Locate("get", "/status"), Is.EqualTo(project.At("Status()")));
        Assert.That(project.Locate("get", "/version"), Is.EqualTo(project.At("Version()")));
        Assert.That(project.Locate("put", "/api/v1/Legacy/settings/{key}"), Is.EqualTo(project.At("Put(")));
        Assert.That(project.Locate("head", "/api/v1/Legacy/ping"), Is.EqualTo(project.At("Ping(")));
    }

    [Test]
    public void Response_attributes_in_every_form_locate_their_code()
    {
        var project = Project.Of(("OrdersController.cs", Usings + """
            [ApiController]
            [Route("orders")]
            [ProducesResponseType(StatusCodes.Status500InternalServerError)]
            [ProducesResponseType(401)]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                [ProducesResponseType(typeof(Order), 201)]
                [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
                [ProducesResponseType(StatusCode = 422)]
                [ProducesResponseType(statusCode: 400, type: typeof(ValidationProblemDetails))]
                [ProducesResponseType(401)]
                public IActionResult Create(Order order) => Created("", order);

                [HttpGet]
                [ProducesResponseType(typeof(Order[]))]
                public IActionResult List() => Ok();
            }

            public sealed record Order(int Id);
            """));

        Assert.That(project.Locate("post", "/orders"), Is.EqualTo(project.At("Create(")));
        Assert.That(project.Locate("post", "/orders", "201"), Is.EqualTo(project.At("201")));
        Assert.That(project.Locate("post", "/orders", "409"), Is.EqualTo(project.At("StatusCodes.Status409")));
        Assert.That(project.Locate("post", "/orders", "422"), Is.EqualTo(project.At("422")));
        Assert.That(project.Locate("post", "/orders", "400"), Is.EqualTo(project.At("400")));
        Assert.That(project.Locate("post", "/orders", "500"), Is.EqualTo(project.At("StatusCodes.Status500")), "the controller's attribute applies to every action");
        Assert.That(project.Locate("post", "/orders", "401"), Is.EqualTo(project.At("401", 2)), "the action's own declaration wins over the controller's");
        Assert.That(project.Locate("get", "/orders", "401"), Is.EqualTo(project.At("401", 1)));
        Assert.That(project.Locate("get", "/orders", "200"), Is.EqualTo(project.At("ProducesResponseType(typeof(Order[]))")), "a type alone declares 200");
    }

    [Test]
    public void An_action_without_response_attributes_declares_its_implicit_200_itself()
    {
        var project = Project.Of(("PingController.cs", Usings + """
            [Route("ping")]
            public sealed class PingController : ControllerBase
            {
                [HttpGet]
                public string Get() => "pong";
            }
            """));

        Assert.That(project.Locate("get", "/ping", "200"), Is.EqualTo(project.At("Get(")));
        Assert.That(project.Locate("get", "/ping", "404"), Is.Null);
    }

    [Test]
    public void Ignored_actions_and_controllers_are_not_candidates()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet, ApiExplorerSettings(IgnoreApi = true)]
                public string Old() => "old";

                [HttpGet]
                public string Current() => "new";
            }

            [Route("orders")]
            [ApiExplorerSettings(IgnoreApi = true)]
            public sealed class InternalOrdersController : ControllerBase
            {
                [HttpPost]
                public string Internal() => "internal";
            }

            [Route("orders")]
            public sealed class PublicOrdersController : ControllerBase
            {
                [HttpPost]
                public string Create() => "create";
            }
            """));

        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("Current")));
        Assert.That(project.Locate("post", "/orders"), Is.EqualTo(project.At("Create")));
    }

    [Test]
    public void Area_tokens_and_ActionName_are_replaced()
    {
        var project = Project.Of(("Admin.cs", Usings + """
            [Area("admin")]
            [Route("[area]/[controller]")]
            public sealed class UsersController : ControllerBase
            {
                [HttpGet("[action]"), ActionName("all")]
                public string List() => "";
            }
            """));

        Assert.That(project.Locate("get", "/admin/Users/all"), Is.EqualTo(project.At("List")));
    }
}
