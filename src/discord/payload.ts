/**
 * Discord message payloads (plain API JSON) and Discord's limits on them. Every reply the bot sends
 * is built by `reply()`, which enforces the limits and never lets a mention ping anyone.
 */
import { ComponentType, type ButtonStyle } from 'discord.js';
import { truncate } from './markdown.js';

export const LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedTitle: 256,
  message: 6000,
  embeds: 10,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonsPerRow: 5,
  rows: 5,
} as const;

export interface Embed {
  title?: string;
  description: string;
  color?: number;
}
export interface Button {
  type: ComponentType.Button;
  style: ButtonStyle.Primary | ButtonStyle.Secondary;
  label: string;
  custom_id: string;
}
export interface Row {
  type: ComponentType.ActionRow;
  components: Button[];
}
export interface Reply {
  content: string;
  embeds: Embed[];
  components: Row[];
  allowedMentions: { parse: [] };
}
export interface Choice {
  name: string;
  value: string;
}

function embedsLength(embeds: Embed[]): number {
  return embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0);
}

/** Enforces the message limits on any payload (a last line of defence). */
export function fit(reply: Reply): Reply {
  const content = truncate(reply.content, LIMITS.content);
  let embeds = reply.embeds.slice(0, LIMITS.embeds).map((e) => ({
    ...e,
    ...(e.title !== undefined ? { title: truncate(e.title, LIMITS.embedTitle) } : {}),
    description: truncate(e.description, LIMITS.embedDescription),
  }));
  while (embeds.length > 0 && content.length + embedsLength(embeds) > LIMITS.message) {
    const over = content.length + embedsLength(embeds) - LIMITS.message;
    const lastEmbed = embeds[embeds.length - 1]!;
    if (lastEmbed.description.length - over >= 200) {
      embeds = [...embeds.slice(0, -1), { ...lastEmbed, description: truncate(lastEmbed.description, lastEmbed.description.length - over) }];
    } else {
      embeds = embeds.slice(0, -1);
    }
  }
  const components = reply.components.slice(0, LIMITS.rows).map((row) => ({
    type: ComponentType.ActionRow as const,
    components: row.components.slice(0, LIMITS.buttonsPerRow).map((b) => ({
      ...b,
      label: truncate(b.label, LIMITS.buttonLabel),
      custom_id: b.custom_id.slice(0, LIMITS.customId),
    })),
  }));
  return { content, embeds, components, allowedMentions: { parse: [] } };
}

/** The one builder of replies: dispatch, commands and renderers all go through it. */
export function reply(content: string, embeds: Embed[] = [], components: Row[] = []): Reply {
  return fit({ content, embeds, components, allowedMentions: { parse: [] } });
}

/** The same reply with a line on top (e.g. why a public post became private). */
export function withNote(base: Reply, note: string): Reply {
  return reply(base.content ? `${note}\n${base.content}` : note, base.embeds, base.components);
}
