namespace OpenApiLint.SourceLocations.Tests;

/// <summary>
/// Base controller classes of the project, read as MVC's application model reads them: the nearest class with a
/// <c>[Route]</c> gives the routes, response attributes of every level apply, actions of the bases are actions of
/// each derived controller, overrides take the routes of the nearest definition that has some.
/// </summary>
public sealed class ControllerInheritanceTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Http;

        """;

    [Test]
    public void Attributes_of_an_abstract_base_apply_to_the_actions_of_derived_controllers()
    {
        var project = Project.Of(
            ("ApiControllerBase.cs", Usings + """
                [ApiController]
                [Route("api/[controller]")]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public abstract class ApiControllerBase : ControllerBase
                {
                }
                """),
            ("Orders.cs", Usings + """
                public sealed class Orders : ApiControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType(404)]
                    public IActionResult Get(int id) => Ok();

                    [HttpDelete("{id}")]
                    [ProducesResponseType(401)]
                    public IActionResult Delete(int id) => NoContent();
                }
                """));

        Assert.That(project.Locate("get", "/api/Orders/{id}"), Is.EqualTo(project.At("Get(int")));
        Assert.That(project.Locate("get", "/api/Orders/{id}", "401"), Is.EqualTo(project.At("StatusCodes.Status401Unauthorized")));
        Assert.That(project.Locate("get", "/api/Orders/{id}", "404"), Is.EqualTo(project.At("404")));
        Assert.That(project.Locate("delete", "/api/Orders/{id}", "401"), Is.EqualTo(project.At("401)]")), "the action's own attribute wins");
        Assert.That(project.Locate("get", "/api/ApiControllerBase/{id}"), Is.Null, "an abstract class is no controller");
        Assert.That(project.Sources.Compiled, Is.False);
    }

    [Test]
    public void Actions_of_a_generic_base_are_actions_of_each_derived_controller_under_its_own_name()
    {
        var project = Project.Of(
            ("CrudController.cs", Usings + """
                [ApiController]
                [Route("api/[controller]")]
                public abstract class CrudController<T> : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public ActionResult<T> Get(int id) => NotFound();

                    [HttpGet]
                    public virtual IEnumerable<T> List() => [];
                }
                """),
            ("Controllers.cs", Usings + """
                public sealed class OrdersController : CrudController<string>
                {
                    public override IEnumerable<string> List() => ["a"];
                }

                public sealed class CustomersController : CrudController<int>
                {
                }
                """));

        Assert.That(project.Locate("get", "/api/Orders/{id}"), Is.EqualTo(project.At("Get(int")));
        Assert.That(project.Locate("get", "/api/Orders/{id}", "404"), Is.EqualTo(project.At("StatusCodes.Status404NotFound")));
        Assert.That(project.Locate("get", "/api/Customers/{id}", "404"), Is.EqualTo(project.At("StatusCodes.Status404NotFound")));
        Assert.That(project.Locate("get", "/api/Orders"), Is.EqualTo(project.At("List() => [\"a\"]")), "the override, with the routes of the definition it overrides");
        Assert.That(project.Locate("get", "/api/Customers"), Is.EqualTo(project.At("List() => []")));
    }

    [Test]
    public void The_nearest_class_with_a_route_gives_the_routes_and_the_levels_above_it_are_not_combined()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [Route("api/[controller]")]
            [ProducesResponseType(500)]
            public class BaseApiController : ControllerBase { }

            public class VersionedController : BaseApiController { }

            [Route("v2/[controller]")]
            [ProducesResponseType(503)]
            public sealed class ReportsController : VersionedController
            {
                [HttpGet("daily")]
                public string Daily() => "d";
            }

            public sealed class StatusController : VersionedController
            {
                [HttpGet]
                public string Get() => "ok";
            }
            """));

        Assert.That(project.Locate("get", "/v2/Reports/daily"), Is.EqualTo(project.At("Daily")));
        Assert.That(project.Locate("get", "/api/Reports/daily"), Is.Null, "the base's route is replaced, not added");
        Assert.That(project.Locate("get", "/v2/Reports/daily", "500"), Is.EqualTo(project.At("500")), "response attributes of every level apply");
        Assert.That(project.Locate("get", "/v2/Reports/daily", "503"), Is.EqualTo(project.At("503")));
        Assert.That(project.Locate("get", "/api/Status"), Is.EqualTo(project.At("Get()")), "two levels up");
        Assert.That(project.Locate("get", "/api/Status", "503"), Is.Null);
    }

    [Test]
    public void An_override_with_routes_of_its_own_uses_them_and_response_attributes_of_both_apply()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [ApiController]
            [Route("items")]
            public abstract class ItemsBase : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType(404)]
                public abstract IActionResult Get(int id);
            }

            public sealed class ItemsController : ItemsBase
            {
                [HttpGet("by-id/{id}")]
                [ProducesResponseType(StatusCodes.Status410Gone)]
                public override IActionResult Get(int id) => Ok();
            }
            """));

        Assert.That(project.Locate("get", "/items/by-id/{id}"), Is.EqualTo(project.At("Get(int id) =>")));
        Assert.That(project.Locate("get", "/items/{id}"), Is.Null, "the override's own route replaces the abstract one's");
        Assert.That(project.Locate("get", "/items/by-id/{id}", "404"), Is.EqualTo(project.At("404")));
        Assert.That(project.Locate("get", "/items/by-id/{id}", "410"), Is.EqualTo(project.At("StatusCodes.Status410Gone")));
    }

    [Test]
    public void Single_attributes_come_from_the_nearest_level()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [ApiExplorerSettings(IgnoreApi = true)]
            [Area("internal")]
            [Route("[area]/[controller]")]
            public abstract class InternalController : ControllerBase { }

            public sealed class MetricsController : InternalController
            {
                [HttpGet]
                public int Count() => 1;
            }

            [ApiExplorerSettings(IgnoreApi = false)]
            [Area("public")]
            public sealed class HealthController : InternalController
            {
                [HttpGet]
                public string Check() => "ok";
            }
            """));

        Assert.That(project.Locate("get", "/internal/Metrics"), Is.Null, "left out of the document by the base");
        Assert.That(project.Locate("get", "/public/Health"), Is.EqualTo(project.At("Check")));
    }

    [Test]
    public void ApiController_and_NonController_on_a_base_decide_what_is_a_controller()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [ApiController]
            public abstract class Resource : ControllerBase { }

            [Route("widgets")]
            public sealed class Widgets : Resource
            {
                [HttpGet]
                public string List() => "w";
            }

            [NonController]
            public abstract class NotMvc { }

            [Route("gadgets")]
            public sealed class GadgetsController : NotMvc
            {
                [HttpGet]
                public string List() => "g";
            }
            """));

        Assert.That(project.Locate("get", "/widgets"), Is.EqualTo(project.At("List")));
        Assert.That(project.Locate("get", "/gadgets"), Is.Null, "[NonController] is inherited");
    }

    [Test]
    public void A_base_name_two_classes_share_is_resolved_by_the_compiler()
    {
        var project = Project.Of(
            ("A.cs", Usings + """
                namespace Shop.V1
                {
                    [Route("v1/[controller]")]
                    public abstract class BaseController : ControllerBase { }
                }
                namespace Shop.V2
                {
                    [Route("v2/[controller]")]
                    public abstract class BaseController : ControllerBase { }
                }
                """),
            ("Orders.cs", Usings + """
                namespace Shop.V2;
                public sealed class OrdersController : BaseController
                {
                    [HttpGet]
                    public string List() => "o";
                }
                """));

        Assert.That(project.Locate("get", "/v2/Orders"), Is.EqualTo(project.At("List")));
        Assert.That(project.Locate("get", "/v1/Orders"), Is.Null);
    }

    [Test]
    public void A_base_name_that_cannot_be_resolved_leaves_the_routes_unknown()
    {
        // Without references the compiler cannot bind the base either: the controller's routes are unknown, so
        // nothing that might be its action is located.
        var project = Project.WithoutReferences(
            ("A.cs", Usings + """
                namespace One { [Route("one")] public abstract class Base : ControllerBase { } }
                namespace Two { [Route("two")] public abstract class Base : ControllerBase { } }
                """),
            ("Orders.cs", Usings + """
                using One;
                using Two;
                public sealed class OrdersController : Base
                {
                    [HttpGet("list")]
                    public string List() => "o";
                }
                """));

        Assert.That(project.Locate("get", "/one/list"), Is.Null);
        Assert.That(project.Locate("get", "/two/list"), Is.Null);
        Assert.That(project.Locate("get", "/list"), Is.Null);
    }

    [Test]
    public void Partial_controllers_combine_their_parts()
    {
        var project = Project.Of(
            ("Orders.cs", Usings + """
                [Route("orders")]
                [ProducesResponseType(StatusCodes.Status500InternalServerError)]
                public partial class OrdersController : ControllerBase { }
                """),
            ("Orders.Get.cs", Usings + """
                public partial class OrdersController
                {
                    [HttpGet("{id}")]
                    public string Get(int id) => "o";
                }
                """));

        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("Get(int")));
        Assert.That(project.Locate("get", "/orders/{id}", "500"), Is.EqualTo(project.At("StatusCodes.Status500")));
    }

    [Test]
    public void The_same_code_on_a_base_and_on_the_derived_class_is_ambiguous()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [ProducesResponseType(401)]
            public abstract class SecuredController : ControllerBase { }

            [Route("accounts")]
            [ProducesResponseType(StatusCodes.Status401Unauthorized)]
            public sealed class AccountsController : SecuredController
            {
                [HttpGet]
                public string List() => "a";
            }
            """));

        Assert.That(project.Locate("get", "/accounts", "401"), Is.Null);
        Assert.That(project.Locate("get", "/accounts"), Is.EqualTo(project.At("List")));
    }

    [Test]
    public void Overloads_in_one_class_are_each_an_action_and_a_derived_override_replaces_the_base_one()
    {
        var project = Project.Of(("Controllers.cs", Usings + """
            [Route("files")]
            public abstract class FilesBase : ControllerBase
            {
                [HttpGet("by-id/{id}")]
                public virtual string Find(int id) => "base";

                [HttpGet("by-name/{name}")]
                public string Find(string name) => name;
            }

            public sealed class FilesController : FilesBase
            {
                public override string Find(int id) => "derived";
            }
            """));

        Assert.That(project.Locate("get", "/files/by-name/{name}"), Is.EqualTo(project.At("Find(string")));
        Assert.That(project.Locate("get", "/files/by-id/{id}"), Is.EqualTo(project.At("Find(int id) => \"derived\"")));
    }
}
