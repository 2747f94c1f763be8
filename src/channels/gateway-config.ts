/** The gateways' secrets and the channel rate, from the environment (read when the app is built). */
export interface GatewayConfig {
  twilioAuthToken: string | null;
  publicUrl: string | null;
  ussdKey: string | null;
  ratePerMinute: number;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const rate = Number(env.TRACKTWO_CHANNEL_RATE ?? 20);
  return {
    twilioAuthToken: env.TRACKTWO_TWILIO_AUTH_TOKEN || null,
    publicUrl: env.TRACKTWO_PUBLIC_URL ? env.TRACKTWO_PUBLIC_URL.replace(/\/+$/u, '') : null,
    ussdKey: env.TRACKTWO_USSD_KEY || null,
    ratePerMinute: Number.isInteger(rate) && rate > 0 ? rate : 20,
  };
}
