package studio.bypass;

import studio.governance.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import studio.milestone.DecisionPage;

/**
 * A force close or termination request approved or rejected from the milestone page by a second governor
 * (POST .../bypasses/{id}/approve|reject, through {@link DecisionPage}); the rules are {@link BypassDesk}'s.
 * Requests are made through {@link BypassRequests}.
 */
@Path("/milestones/{id}/bypasses")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ACTING)
public class Bypasses extends DecisionPage<BypassDesk.Outcome> {

    @Inject
    BypassDesk desk;

    @Override
    protected BypassDesk desk() {
        return desk;
    }
}
