package studio.release;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import studio.release.version.VersionPolicy;

/**
 * The release coordinator's installation settings ({@code studio.release.*}, the spec's orchestration-config.yaml
 * ReleaseCoordinator block, version-resolver.yaml and release-policy.yaml). A milestone's own versionStrategy and
 * manualApprovalRequired override them.
 */
@ConfigMapping(prefix = "studio.release")
public interface ReleaseSettings {

    /** version-resolver.yaml: the global version policy. */
    Version version();

    /**
     * release-policy.yaml as text: per-environment overrides of the default approval policies ({@link ReleasePolicies}).
     * Empty: Studio's defaults (production: a product-owner and a compliance-officer, two people).
     */
    Optional<String> policy();

    /** The environment of an automatic promotion when the milestone names none (spec: defaultEnvironment). */
    @WithDefault("staging")
    String defaultEnvironment();

    /** rollbackEnabled: roll a release back as soon as CI reports it failed. */
    @WithDefault("false")
    boolean rollbackOnFailure();

    /** maxRetries: how often Studio hands a failed release to CI again by itself before rollbackEnabled applies. */
    @WithDefault("0")
    int maxRetries();

    /**
     * The role of the one approver more a hotfix needs than its environment's policy (docs/API.md "Hotfixes"); where the
     * policy names the role already, one more person of it.
     */
    @WithDefault("security-officer")
    String hotfixExtraApprover();

    /**
     * Environments of the lifecycle (staging, qa, production) a version may skip on its way to a later one; by default
     * none: production needs the version completed in staging and qa first.
     */
    Optional<java.util.List<String>> optionalEnvironments();

    /** {@link #optionalEnvironments()} parsed; a name Studio does not deploy to stops the start with the name. */
    default java.util.Set<studio.governance.ReleaseEnvironment> optional() {
        return optionalEnvironments().orElse(java.util.List.of()).stream().map(String::strip).filter(t -> !t.isEmpty()).map(t -> {
            try {
                return studio.governance.ReleaseEnvironment.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("studio.release.optional-environments: " + e.getMessage());
            }
        }).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    interface Version {
        @WithDefault("milestone-based")
        String strategy();

        Optional<String> prefix();

        Optional<String> suffix();

        Optional<String> format();

        @WithDefault("patch")
        String autoIncrement();

        /** "none" for no fallback. */
        @WithDefault("date-tag")
        String fallback();
    }

    default VersionPolicy versionPolicy() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("strategy", version().strategy());
        version().prefix().ifPresent(p -> s.put("prefix", p));
        version().suffix().ifPresent(p -> s.put("suffix", p));
        version().format().ifPresent(p -> s.put("format", p));
        s.put("autoIncrement", version().autoIncrement());
        s.put("fallback", version().fallback());
        return VersionPolicy.fromSettings(s);
    }

    /** The installation's policies: configuration, so parsed once per text (every release and page asks for them). */
    default ReleasePolicies policies() {
        return ReleasePolicies.installed(policy().orElse(""));
    }
}
