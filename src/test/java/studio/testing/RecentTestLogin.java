package studio.testing;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestSecurityIdentityAugmentor;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.annotation.Annotation;
import java.time.Instant;
import studio.security.LoginTime;

/**
 * A {@code @TestSecurity} identity is built by the test, not by a sign-in, so it has no token and no {@code auth_time}.
 * Decisions ({@code @StepUp}) need one, exactly as in production; this gives every such identity the moment the test
 * method starts as its sign-in time, unless the test states one itself
 * ({@code attributes = @SecurityAttribute(key = "auth_time", value = "...", type = AttributeType.LONG)}). Only
 * {@code @TestSecurity} identities pass through here: real sessions and tokens carry the identity provider's
 * {@code auth_time} and are judged on it.
 */
@ApplicationScoped
@Unremovable
public class RecentTestLogin implements TestSecurityIdentityAugmentor {

    @Override
    public SecurityIdentity augment(SecurityIdentity identity, Annotation[] annotations) {
        if (identity.isAnonymous() || identity.getAttribute(LoginTime.ATTRIBUTE) != null) return identity;
        return QuarkusSecurityIdentity.builder(identity).addAttribute(LoginTime.ATTRIBUTE, Instant.now().getEpochSecond()).build();
    }
}
