import { centralBoard, unitStaff } from '@thidua/gateway';

/** The central board as the demo's events record it (the subject of the demo's central token). */
export const demoBoard = centralBoard('demo-central');

/** A unit's staff member as the demo's events record them (`demo@ha-tinh`, as the demo tokens). */
export const demoStaff = (unitCode: string) => unitStaff(unitCode, `demo@${unitCode}`);
