import type { checkin as sv } from "../sv/checkin";

export const checkin: typeof sv = {};
