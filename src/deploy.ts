/** `npm run deploy-commands`: registers the command list (commands/index.ts) with Discord. */
import dotenv from 'dotenv';
import { commands } from '../commands/index.js';
import { loadDeployConfig } from './discord/config.js';
import { deployCommands } from './discord/deploy.js';
import { redact, tokenSecrets } from './discord/redact.js';
import { isIsnadError } from './errors.js';

dotenv.config({ quiet: true });

async function main(): Promise<void> {
  try {
    const settings = loadDeployConfig(process.env);
    const { scope, names } = await deployCommands(settings, commands);
    console.log(
      `Registered ${names.length} commands ${scope === 'guild' ? `to server ${settings.guildId}` : 'globally (may take up to an hour to appear)'}: ${names.join(', ')}`,
    );
    process.exit(0);
  } catch (error) {
    let message = isIsnadError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
    message = redact(message, tokenSecrets(process.env.DISCORD_TOKEN));
    if (/401|Unauthorized/i.test(message)) message += ' — DISCORD_TOKEN was rejected; reset it in the Developer Portal → Bot.';
    console.error(`isnad: ${message}`);
    process.exit(1);
  }
}

void main();
