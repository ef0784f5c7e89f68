/** The process-map JSON served by GET /api/v1/workspaces/{ws}/process-map (and embedded by `journeyscope report`). */
export interface ProcessMapJson {
  nodes: NodeJson[];
  edges: EdgeJson[];
  starts?: EndpointJson[];
  ends?: EndpointJson[];
}

export interface NodeJson {
  /** The activity name. */
  id: string;
  events: number;
  cases?: number;
  meanProcessingSeconds?: number | null;
  meanWaitSeconds?: number | null;
}

export interface EdgeJson {
  from: string;
  to: string;
  count: number;
  cases?: number;
  meanSeconds?: number | null;
  totalSeconds?: number | null;
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
