package studio.planning;

import studio.governance.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import studio.milestone.DecisionPage;

/**
 * A pending definition change approved or rejected from the milestone page (its "Definition" panel), through
 * {@link DecisionPage}; the rules are {@link DefinitionChangeDesk}'s.
 */
@Path("/milestones/{id}/definition-changes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class DefinitionChanges extends DecisionPage<DefinitionChangeDesk.Pending> {

    @Inject
    DefinitionChangeDesk desk;

    @Override
    protected DefinitionChangeDesk desk() {
        return desk;
    }
}
