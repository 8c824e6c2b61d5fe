package studio.definition;

/** A row of a milestone's risk table ({@code risk|description, likelihood, impact, mitigation}). */
public record Risk(String risk, String likelihood, String impact, String mitigation) {}
