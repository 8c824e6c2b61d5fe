package studio.signing;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import studio.governance.Roles;

/** The public keys Studio has ever signed with, so anyone can verify manifests and checkpoints offline. */
@Path("/api/signing-keys")
public class SigningKeysApi {

    public record PublishedKey(String keyid, String algorithm, @JsonProperty("public_key_pem") String publicKeyPem) {}

    public record PublishedKeys(List<PublishedKey> keys) {}

    @Inject
    SigningKeys signingKeys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "List signing keys", description = "The public keys (PEM, key id) that verify Studio's checkpoints and manifests.")
    public PublishedKeys list() {
        return new PublishedKeys(signingKeys.publishedPem().entrySet().stream()
                .map(key -> new PublishedKey(key.getKey(), Ed25519.ALGORITHM, key.getValue()))
                .toList());
    }
}
