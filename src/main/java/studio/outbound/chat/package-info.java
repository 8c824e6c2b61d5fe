/**
 * Chat messages: a milestone or release event said in words ({@link studio.outbound.chat.ChatMessage}, worded by
 * {@link studio.outbound.chat.EventSentences}) and laid out for a Slack-compatible incoming webhook
 * ({@link studio.outbound.chat.SlackMessage}, Block Kit) or a Microsoft Teams webhook
 * ({@link studio.outbound.chat.TeamsMessage}, an Adaptive Card). Plain functions of the event: no HTTP, no database;
 * {@code studio.outbound} delivers them through the webhook queue.
 */
package studio.outbound.chat;
