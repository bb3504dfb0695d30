import type { Plan } from '../../generated/prisma/client.ts';

/** A monthly allowance; null is unlimited. */
export interface PlanLimits {
  messages: number | null;
  calls: number | null;
  contacts: number | null;
}

export interface PlanDefinition {
  plan: Plan;
  /** Monthly price in cents (EUR). */
  priceCents: number;
  /** WhatsApp lines, sending and AI replies. */
  whatsapp: boolean;
  /** Phone numbers and AI-answered calls. */
  voice: boolean;
  limits: PlanLimits;
}

/** Every plan's features, limits and price: the one place they are defined (DESIGN.md, "Plans"). */
export const PLANS: Readonly<Record<Plan, PlanDefinition>> = {
  BASIC: { plan: 'BASIC', priceCents: 0, whatsapp: false, voice: false, limits: { messages: 0, calls: 0, contacts: 0 } },
  PRO: { plan: 'PRO', priceCents: 3_500, whatsapp: true, voice: true, limits: { messages: 5_000, calls: 500, contacts: 2_000 } },
  ENTERPRISE: { plan: 'ENTERPRISE', priceCents: 6_000, whatsapp: true, voice: true, limits: { messages: null, calls: null, contacts: null } },
};
