// The shared base first: the app's own stylesheet overrides it.
import '../shared/base.css';
import './bank.css';
import { mount } from '../shared/mount.tsx';
import { App } from './App.tsx';

mount(App);
