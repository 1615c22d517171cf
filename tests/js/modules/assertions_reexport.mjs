export { default as data } from './assertions_data.json' assert { type: 'json' };
