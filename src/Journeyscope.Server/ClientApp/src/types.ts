/** The process-map JSON served by the API and by `journeyscope discover --format json`. */
export interface ProcessMapJson {
  activities: ActivityJson[];
  edges: EdgeJson[];
  starts?: EndpointJson[];
  ends?: EndpointJson[];
}

export interface ActivityJson {
  name: string;
  events: number;
  cases?: number;
  /** Mean processing or sojourn seconds, when the server has them. */
  meanSeconds?: number | null;
}

export interface EdgeSeconds {
  mean?: number | null;
  median?: number | null;
  sum?: number | null;
  max?: number | null;
}

export interface EdgeJson {
  from: string;
  to: string;
  count: number;
  cases?: number;
  seconds?: EdgeSeconds | null;
}

export interface EndpointJson {
  activity: string;
  count: number;
}

/** What Blazor passes for callbacks: a DotNetObjectReference. */
export interface DotNetReference {
  invokeMethodAsync(method: string, ...args: unknown[]): Promise<unknown>;
}

/** A drawn visualisation. */
export interface Handle {
  update(data: unknown, options?: unknown): void;
  dispose(): void;
  exportSvg?(): string;
  exportPng?(): string;
  /** Bookkeeping for draw(): the kind and element a handle was made for. */
  __kind?: string;
  __element?: HTMLElement;
}
