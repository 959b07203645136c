/** Who is calling, as the server established it for this request (every use case's first argument). */
import type { UserRole } from '../ports.ts';

/** Who is calling, as the server established it for this request. */
export interface CustomerActor {
  kind: 'customer';
  userId: string;
  contractId: string;
  role: UserRole;
  clientAddress: string;
}

export interface OperatorActor {
  kind: 'operator';
  operatorId: string;
  clientAddress: string;
}

export interface AnonymousActor {
  kind: 'anonymous';
  clientAddress: string;
}

export type Actor = CustomerActor | OperatorActor | AnonymousActor | { kind: 'system' };
