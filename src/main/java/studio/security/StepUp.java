package studio.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decision that needs a recent sign-in: approving, rejecting or revoking an override, deciding a manual gate,
 * approving or rejecting a release, a force close or termination request, or a change that loosens a definition. The person must have authenticated at the identity provider within {@code studio.security.step-up.max-age}
 * (the token's {@code auth_time}); otherwise nothing is decided and the browser is sent to sign in again, an API
 * caller gets 401 {@code insufficient_user_authentication} (RFC 9470). Checked by {@code studio.web.StepUpCheck}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StepUp {
}
