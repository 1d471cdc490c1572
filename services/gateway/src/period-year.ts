// Period ids are parsed in one place, the contracts package.
export { yearOf } from '@thidua/schema';
